package io.rsaudit.fix.format;

import io.rsaudit.fix.plan.Plan;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats a plan is written in. */
public enum PlanFormat {
    TEXT,
    JSON,
    SHELL,
    TERRAFORM;

    public void write(Plan plan, Writer out) throws IOException {
        switch (this) {
            case TEXT -> PlanText.write(plan, out);
            case JSON -> PlanJson.write(plan, out);
            case SHELL -> PlanShell.write(plan, out);
            case TERRAFORM -> PlanTerraform.write(plan, out);
        }
        out.flush();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PlanFormat> of(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equals(label)).findFirst();
    }

    public static String labels() {
        return Arrays.stream(values()).map(PlanFormat::label).collect(Collectors.joining(", "));
    }
}
