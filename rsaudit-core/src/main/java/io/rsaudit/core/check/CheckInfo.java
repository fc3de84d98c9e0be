package io.rsaudit.core.check;

import io.rsaudit.core.model.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The short, machine-read metadata of a check. The long text (rationale, remediation by channel, references)
 * is in the markdown file named by {@link #id()} beside the class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CheckInfo {

    /** Stable id, {@code RS-<AREA>-<NNN>}; never reused. */
    String id();

    String title();

    Severity severity();

    Area area();

    /**
     * The AWS Security Hub controls this check answers, as Security Hub names them ({@code Redshift.1},
     * {@code RedshiftServerless.4}); empty when no control asks the same question.
     */
    String[] securityHub() default {};
}
