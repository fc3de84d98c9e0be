package io.rsaudit.core.check;

import io.rsaudit.core.check.transit.ClusterRequiresSsl;
import io.rsaudit.core.model.Resource;
import java.util.List;

/** The one registration list of built-in checks, sorted by id. */
final class BuiltInChecks {

    static final List<Check<? extends Resource>> ALL = List.of(
            new ClusterRequiresSsl()
    );

    private BuiltInChecks() {
    }
}
