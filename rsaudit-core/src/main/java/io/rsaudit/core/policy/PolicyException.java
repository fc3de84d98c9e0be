package io.rsaudit.core.policy;

import java.util.List;

/** The policy file cannot be used; every problem found is listed, each naming its line or field. */
public final class PolicyException extends Exception {

    private final List<String> problems;

    public PolicyException(String file, List<String> problems) {
        super(file + ": " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
