package io.rsaudit.core.check.transit;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.transit.TlsSetting.State;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Judges FIPS-compliant SSL mode from use_fips_ssl and require_ssl, for clusters and workgroups alike: AWS turns
 * the mode on only when both are true, so either one off is a fail, and a part that cannot be read makes the
 * result unknown only when the other part does not already fail.
 */
final class FipsTls {

    static final String NOT_REQUIRED =
            "the policy does not require FIPS-validated TLS" + " (encryption.requireFips is false)";

    private FipsTls() {}

    static Outcome judge(TlsSetting fips, TlsSetting ssl) {
        List<TlsSetting> failing =
                Stream.of(fips, ssl).filter(TlsSetting::isFailing).toList();
        if (!failing.isEmpty()) {
            String message = fips.subject() + " does not use FIPS-compliant SSL mode: "
                    + failing.stream().map(TlsSetting::finding).collect(Collectors.joining("; "));
            if (fips.state() == State.ON) {
                message += "; use_fips_ssl=true alone does not enable the mode, which needs require_ssl in effect as"
                        + " well";
            }
            message += TlsSetting.defaultGroupFix(failing);
            for (TlsSetting s : List.of(fips, ssl)) {
                if (s.state() == State.UNKNOWN) {
                    message += " (" + s.parameter() + " could not be read: "
                            + s.value().note() + ")";
                }
            }
            return Outcome.fail(message, failing.get(0).value());
        }
        for (TlsSetting s : List.of(fips, ssl)) {
            if (s.state() == State.UNKNOWN) {
                return Outcome.unknown(s.finding(), s.value());
            }
        }
        return Outcome.pass(
                fips.subject() + " uses FIPS-compliant SSL mode: use_fips_ssl and require_ssl are true in "
                        + fips.where(),
                fips.value());
    }
}
