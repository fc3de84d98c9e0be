package io.rsaudit.cli;

import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyException;
import io.rsaudit.core.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.function.Supplier;

/** {@code --policy FILE} of every command: the built-in defaults without it; a file that does not load is a usage error. */
final class PolicyFile {

    private PolicyFile() {}

    /** The policy {@code file} holds, read by the command's loader (which knows its check and rule ids). */
    static Policy load(Path file, Supplier<PolicyLoader> loader) {
        if (file == null) {
            return Policy.defaults();
        }
        try {
            return loader.get().load(file);
        } catch (PolicyException e) {
            throw new Main.UsageException("policy " + e.getMessage());
        }
    }
}
