package io.rsaudit.core.check.access;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Value;
import java.util.Locale;
import java.util.Set;

/** The admin-user judgements shared by clusters and namespaces. */
final class AdminUser {

    /** The names the console, the AWS examples and most tutorials fill in: the first ones an attacker tries. */
    private static final Set<String> DEFAULT_NAMES = Set.of("awsuser", "admin");

    /** Why a password that Secrets Manager does not manage is a finding, after the field that says so. */
    static final String UNMANAGED_RISK = ": a person or script chose it, nothing rotates it, and anyone who learns it"
            + " is a superuser until someone changes it by hand";

    private AdminUser() {}

    static Outcome judgeName(Value<String> username, String what) {
        if (!username.isPresent()) {
            return Outcome.unknown("cannot read the admin user name of " + what, username);
        }
        String name = username.value();
        if (DEFAULT_NAMES.contains(name.trim().toLowerCase(Locale.ROOT))) {
            return Outcome.fail(
                    "the admin user of " + what + " is named '" + name + "', a default name that"
                            + " password-guessing attacks try first: knowing the superuser's name, they need only its password",
                    username);
        }
        return Outcome.pass("the admin user of " + what + " is named '" + name + "', not a default name", username);
    }

    /** "the password of admin user 'dba' of cluster X", or "the admin password of cluster X" without a known name. */
    static String password(Value<String> username, String what) {
        return username.isPresent()
                ? "the password of admin user '" + username.value() + "' of " + what
                : "the admin password of " + what;
    }
}
