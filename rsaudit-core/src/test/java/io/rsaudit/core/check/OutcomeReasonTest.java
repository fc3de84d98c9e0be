package io.rsaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Value;
import org.junit.jupiter.api.Test;

/** Unknown and not applicable outcomes, and defaulted and unknown values, carry a reason of the right kind. */
class OutcomeReasonTest {

    private static final Provenance WHERE =
            Provenance.of("111111111111/eu-west-1/redshift/describe-clusters.json", "/x");

    @Test
    void anUnknownOutcomeTakesItsFieldsReasonAndItsMessageSaysIt() {
        Value<Boolean> failed = Value.unknown(WHERE, Reason.Kind.CALL_FAILED, "collection failed (AccessDenied)");
        Outcome o = Outcome.unknown("cannot tell whether cluster c is encrypted", failed);
        assertThat(o.reason().kind()).isEqualTo(Reason.Kind.CALL_FAILED);
        assertThat(o.message())
                .isEqualTo("cannot tell whether cluster c is encrypted: collection failed (AccessDenied)");
        assertThat(o.evidence().reason()).isEqualTo(failed.reason());
    }

    @Test
    void aFieldThatIsMerelyNotSetMakesAnAbsentReason() {
        Value<Integer> notSet = Value.known(null, WHERE);
        assertThat(notSet.orUnknown("MultiAZ is null").reason())
                .isEqualTo(Reason.of(Reason.Kind.ABSENT, "MultiAZ is null"));
        Outcome o = Outcome.unknown("cannot read the port", notSet);
        assertThat(o.reason().kind()).isEqualTo(Reason.Kind.ABSENT);
        assertThat(o.message()).isEqualTo("cannot read the port");
    }

    @Test
    void aKindMustExplainWhatItIsGivenFor() {
        assertThatThrownBy(() -> Outcome.notApplicable(Reason.Kind.CALL_FAILED, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outcome.unknown(Reason.Kind.MANAGED_BY_AWS, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Outcome(Result.PASS, "ok", null, Reason.of(Reason.Kind.ABSENT, "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Outcome(Result.UNKNOWN, "?", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Value.unknown(WHERE, Reason.Kind.AWS_DEFAULT, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Value.defaulted(false, WHERE, "absent: false").reason().kind())
                .isEqualTo(Reason.Kind.AWS_DEFAULT);
    }

    @Test
    void notApplicableOutcomesSayWhyAsAKind() {
        Outcome o = Outcome.notApplicable(Reason.Kind.NOT_REQUIRED_BY_POLICY, "the policy does not require FIPS");
        assertThat(o.result()).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(o.reason().kind().label()).isEqualTo("not_required_by_policy");
    }
}
