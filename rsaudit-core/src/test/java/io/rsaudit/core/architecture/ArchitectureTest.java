package io.rsaudit.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of rsaudit-core, as the package-info files describe them: the model, redaction and ordered parallel
 * work at the bottom;
 * sources build it; the policy says what good means; checks judge the model under the policy; the catalog lists the
 * checks; the scan runs them on what a source loads; the hunt reads logs under the policy; compliance frameworks map
 * requirements to checks; baselines fingerprint findings and alerts; report writers sit on top of all of them.
 * No package depends on another that depends back on it, and core speaks neither AWS nor command line.
 */
@AnalyzeClasses(
        packages = "io.rsaudit.core",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("model")
            .definedBy("io.rsaudit.core.model..")
            .layer("redact")
            .definedBy("io.rsaudit.core.redact..")
            .layer("parallel")
            .definedBy("io.rsaudit.core.parallel..")
            .layer("source")
            .definedBy("io.rsaudit.core.source..")
            .layer("policy")
            .definedBy("io.rsaudit.core.policy..")
            .layer("check")
            .definedBy("io.rsaudit.core.check..")
            .layer("catalog")
            .definedBy("io.rsaudit.core.catalog..")
            .layer("scan")
            .definedBy("io.rsaudit.core.scan..")
            .layer("hunt")
            .definedBy("io.rsaudit.core.hunt..")
            .layer("compliance")
            .definedBy("io.rsaudit.core.compliance..")
            .layer("baseline")
            .definedBy("io.rsaudit.core.baseline..")
            .layer("report")
            .definedBy("io.rsaudit.core.report..")
            .whereLayer("model")
            .mayNotAccessAnyLayer()
            .whereLayer("redact")
            .mayNotAccessAnyLayer()
            .whereLayer("parallel")
            .mayNotAccessAnyLayer()
            .whereLayer("source")
            .mayOnlyAccessLayers("model", "redact", "parallel")
            .whereLayer("policy")
            .mayOnlyAccessLayers("model", "redact")
            .whereLayer("check")
            .mayOnlyAccessLayers("model", "redact", "policy")
            .whereLayer("catalog")
            .mayOnlyAccessLayers("model", "redact", "policy", "check")
            .whereLayer("scan")
            .mayOnlyAccessLayers("model", "redact", "parallel", "source", "policy", "check", "catalog")
            .whereLayer("hunt")
            .mayOnlyAccessLayers("model", "redact", "parallel", "policy")
            .whereLayer("compliance")
            .mayOnlyAccessLayers("model", "policy", "check")
            .whereLayer("baseline")
            .mayOnlyAccessLayers("model", "redact", "policy", "check", "hunt")
            .whereLayer("report")
            .mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule noCyclesBetweenPackages =
            slices().matching("io.rsaudit.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreSpeaksNeitherAwsNorCommandLine = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon.awssdk..", "picocli..")
            .because("rsaudit-core runs anywhere (a test, a batch job): the AWS SDK lives in rsaudit-aws, picocli in"
                    + " rsaudit-cli");

    @ArchTest
    static final ArchRule coreKnowsNoOtherModule = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.rsaudit.aws..", "io.rsaudit.cli..")
            .because("the modules stack core <- aws <- cli");

    /**
     * Issue 19 #15: what comes from outside (logs, exports, file names, AWS messages) is matched by RE2/J or plain
     * code, whose time is linear in the text. java.util.regex backtracks, so only these classes may use it, each on
     * text whose shape its pattern cannot make slow: anchored patterns without nested or overlapping repetition over
     * identifiers, tags and durations of policy and rule files, and over rsaudit's own resources.
     */
    @ArchTest
    static final ArchRule inputIsMatchedInLinearTime = noClasses()
            .that()
            .doNotBelongToAnyOf(
                    io.rsaudit.core.model.Durations.class,
                    io.rsaudit.core.policy.PolicyLoader.class,
                    io.rsaudit.core.compliance.Frameworks.class,
                    io.rsaudit.core.check.Documentation.class,
                    io.rsaudit.core.check.CheckMetadata.class)
            .and()
            .doNotHaveFullyQualifiedName("io.rsaudit.core.hunt.rule.PolicyRefs")
            .and()
            .doNotHaveFullyQualifiedName("io.rsaudit.core.hunt.engine.HuntEngine")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.util.regex..")
            .because("a backtracking regex on hostile input can run for minutes (issue 19); policy references in"
                    + " rules are one anchored token, the engine prints rules' conditions, and events are matched by"
                    + " RE2/J");
}
