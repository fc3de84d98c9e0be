package io.rsaudit.core.report.formats;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.hunt.run.Hunt;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntInput;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.report.Format;
import io.rsaudit.core.report.Reports;
import io.rsaudit.core.scan.Scan;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanInput;
import io.rsaudit.core.scan.ScanSummary;
import io.rsaudit.core.source.CliJsonSource;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The example estate scanned and the example logs hunted, as the README runs them, written in a format. */
public final class ExampleRuns {

    public static final Path ESTATE = Path.of("../examples/estate");
    public static final Path LOGS = Path.of("../examples/logs");
    public static final Path POLICY = Path.of("../examples/policy.yaml");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    private ExampleRuns() {}

    /** The example scan written by {@code writers}. */
    public static String scan(Format.Writers<ScanHeader, Finding, ScanSummary> writers) throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = new PolicyLoader(catalog.ids()).load(POLICY);
        Scan scan = new Scan(catalog, policy, CLOCK, "1.2.3");
        StringWriter out = new StringWriter();
        Reports.scan(
                scan,
                new ScanInput("../examples/estate", new CliJsonSource(ESTATE)),
                Severity.INFO,
                writers.open(out, Format.Style.PLAIN));
        return out.toString();
    }

    public static String scan(String format) throws Exception {
        return scan(Formats.find(format).orElseThrow().forScan().orElseThrow());
    }

    /** The example hunt written by {@code writers}. */
    public static String hunt(Format.Writers<HuntHeader, Alert, HuntSummary> writers) throws Exception {
        RuleCatalog rules = RuleCatalog.builtIn();
        Policy policy = new PolicyLoader(CheckCatalog.builtIn().ids(), rules.ids()).load(POLICY);
        Hunt hunt = new Hunt(rules.all(), policy, CLOCK, "1.2.3");
        StringWriter out = new StringWriter();
        Reports.hunt(
                hunt,
                HuntInput.of(List.of("../examples/logs"), LocalFiles.walk(LOGS).inputs()),
                ReadOptions.defaults(),
                Severity.INFO,
                writers.open(out, Format.Style.PLAIN));
        return out.toString();
    }

    public static String hunt(String format) throws Exception {
        return hunt(Formats.find(format).orElseThrow().forHunt().orElseThrow());
    }
}
