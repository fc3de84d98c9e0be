package io.rsaudit.core.hunt.rule;

/** One thing wrong with a rule file: where ({@code line} 0 when unknown), which field, and what. */
public record RuleProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
