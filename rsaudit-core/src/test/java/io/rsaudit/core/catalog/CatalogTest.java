package io.rsaudit.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Documentation;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.testing.Fixtures;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog's invariants: ids, documentation, fixtures, placement, registration order. */
class CatalogTest {

    private static final CheckCatalog CATALOG = CheckCatalog.builtIn();
    private static final Map<Area, String> PREFIX = Map.of(
            Area.TRANSIT,
            "RS-TRANSIT-",
            Area.AT_REST,
            "RS-ATREST-",
            Area.BACKUP,
            "RS-BACKUP-",
            Area.LOGGING,
            "RS-LOG-",
            Area.NETWORK,
            "RS-NET-",
            Area.ACCESS,
            "RS-ACCESS-",
            Area.RESILIENCE,
            "RS-RES-",
            Area.TAGGING,
            "RS-TAG-");
    private static final Map<Area, String> PACKAGE = Map.of(
            Area.TRANSIT,
            "transit",
            Area.AT_REST,
            "atrest",
            Area.BACKUP,
            "backup",
            Area.LOGGING,
            "logging",
            Area.NETWORK,
            "network",
            Area.ACCESS,
            "access",
            Area.RESILIENCE,
            "resilience",
            Area.TAGGING,
            "tagging");

    @Test
    void idsAreUniqueAndRegisteredInOrder() {
        List<String> registered =
                BuiltInChecks.ALL.stream().map(c -> CheckMetadata.of(c).id()).toList();
        assertThat(registered).doesNotHaveDuplicates().isSorted();
        assertThat(CATALOG.ids()).hasSameSizeAs(registered);
    }

    @Test
    void theIdsAHuntValidatesAgainstAreTheCatalogs() {
        assertThat(CheckCatalog.builtInIds()).containsExactlyElementsOf(CATALOG.ids());
    }

    @Test
    void everyCheckIsAFinalClassInItsAreaPackageWithAMatchingId() {
        for (CheckMetadata c : CATALOG.all()) {
            Class<?> type = c.check().getClass();
            assertThat(Modifier.isFinal(type.getModifiers()))
                    .as("%s is final", type.getName())
                    .isTrue();
            assertThat(c.id()).as("%s id prefix", type.getName()).startsWith(PREFIX.get(c.area()));
            assertThat(type.getPackageName())
                    .as("%s package", c.id())
                    .isEqualTo("io.rsaudit.core.check." + PACKAGE.get(c.area()));
        }
    }

    @Test
    void everyCheckIsDocumentedWithAllRemediationChannels() {
        for (CheckMetadata c : CATALOG.all()) {
            Documentation d = c.documentation();
            assertThat(d.summary()).as("%s summary", c.id()).isNotBlank();
            assertThat(d.cli()).as("%s CLI fix", c.id()).contains("aws ");
            assertThat(d.references()).as("%s references", c.id()).allMatch(r -> r.startsWith("https://"));
        }
    }

    @Test
    void everyCheckHasPassFailAndUnknownFixtures() {
        for (CheckMetadata c : CATALOG.all()) {
            Set<Result> kinds = Fixtures.files(c).stream()
                    .map(p -> p.getFileName().toString())
                    .map(n -> n.startsWith("pass-")
                            ? Result.PASS
                            : n.startsWith("fail-")
                                    ? Result.FAIL
                                    : n.startsWith("unknown-") ? Result.UNKNOWN : Result.NOT_APPLICABLE)
                    .collect(Collectors.toSet());
            assertThat(kinds)
                    .as("%s fixtures in %s", c.id(), Fixtures.directory(c))
                    .contains(Result.PASS, Result.FAIL, Result.UNKNOWN);
        }
    }

    @Test
    void everyFixtureFolderBelongsToACheck() throws IOException, URISyntaxException {
        Path root = Path.of(CatalogTest.class
                .getClassLoader()
                .getResource("io/rsaudit/core/check")
                .toURI());
        try (Stream<Path> s = Files.walk(root)) {
            List<String> orphans = s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("RS-"))
                    .filter(n -> CATALOG.find(n).isEmpty())
                    .toList();
            assertThat(orphans).as("fixture folders without a check").isEmpty();
        }
    }
}
