package io.rsaudit.core.check;

import io.rsaudit.core.model.Resource;

/**
 * One check: judges one resource of type {@code R}. It reads only the model and the context; it never turns an
 * unknown value into a pass or a fail.
 */
@FunctionalInterface
public interface Check<R extends Resource> {

    Outcome evaluate(R resource, CheckContext context);
}
