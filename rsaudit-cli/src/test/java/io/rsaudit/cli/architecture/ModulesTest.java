package io.rsaudit.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The modules stack core &lt;- aws &lt;- cli: core knows neither the AWS SDK nor picocli, aws (the SDK) knows no
 * command line, none of the three knows the test kit (which is on this test's class path), and no package of any
 * module depends on another that depends back on it. Only rsaudit's own main
 * classes are imported: not the libraries, not the tests (nor core's test jar).
 */
@AnalyzeClasses(
        packages = "io.rsaudit",
        importOptions = {ImportOption.DoNotIncludeTests.class, ModulesTest.NoTestJars.class})
class ModulesTest {

    /** Leaves out the classes of a module's test jar ({@code rsaudit-core-<version>-tests.jar}). */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule coreIsTheBottom = noClasses()
            .that()
            .resideInAPackage("io.rsaudit.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.rsaudit.fix..",
                    "io.rsaudit.aws..",
                    "io.rsaudit.cli..",
                    "software.amazon.awssdk..",
                    "picocli..");

    @ArchTest
    static final ArchRule awsKnowsNoCommandLine = noClasses()
            .that()
            .resideInAPackage("io.rsaudit.aws..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.rsaudit.cli..", "picocli..");

    /** The fix module plans and applies through interfaces: the AWS SDK stays in aws, the command line in cli. */
    @ArchTest
    static final ArchRule fixKnowsNoSdkNorCommandLine = noClasses()
            .that()
            .resideInAPackage("io.rsaudit.fix..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.rsaudit.aws..", "io.rsaudit.cli..", "software.amazon.awssdk..", "picocli..");

    @ArchTest
    static final ArchRule theProductKnowsNoTestKit = noClasses()
            .that()
            .resideInAnyPackage("io.rsaudit.core..", "io.rsaudit.fix..", "io.rsaudit.aws..", "io.rsaudit.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.rsaudit.testkit..", "io.rsaudit.bench..");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages =
            slices().matching("io.rsaudit.(**)").should().beFreeOfCycles();
}
