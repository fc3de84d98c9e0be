package io.rsaudit.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The modules stack core &lt;- aws &lt;- cli: core knows neither the AWS SDK nor picocli, aws (the SDK) knows no
 * command line, and no package of any module depends on another that depends back on it. Only rsaudit's own
 * classes are imported, not the libraries.
 */
@AnalyzeClasses(packages = "io.rsaudit", importOptions = ImportOption.DoNotIncludeTests.class)
class ModulesTest {

    @ArchTest
    static final ArchRule coreIsTheBottom = noClasses()
            .that()
            .resideInAPackage("io.rsaudit.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.rsaudit.aws..", "io.rsaudit.cli..", "software.amazon.awssdk..", "picocli..");

    @ArchTest
    static final ArchRule awsKnowsNoCommandLine = noClasses()
            .that()
            .resideInAPackage("io.rsaudit.aws..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.rsaudit.cli..", "picocli..");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages =
            slices().matching("io.rsaudit.(**)").should().beFreeOfCycles();
}
