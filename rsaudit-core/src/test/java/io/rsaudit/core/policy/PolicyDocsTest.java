package io.rsaudit.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/policy.md tells the truth about the built-in residency profile. */
class PolicyDocsTest {

    @Test
    void everyRegionOfTheProfileIsDocumentedWithItsJurisdiction() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "policy.md"));
        Jurisdictions.builtIn()
                .forEach((region, jurisdiction) ->
                        assertThat(doc).as(region).contains("| " + region + " | " + jurisdiction + " |"));
        long rows = doc.lines()
                .filter(l -> l.matches("\\| [a-z]+(-[a-z]+)+-\\d+ \\| [A-Z]+ \\|"))
                .count();
        assertThat(rows).isEqualTo(Jurisdictions.builtIn().size());
    }
}
