package io.rsaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rsaudit.core.hunt.inventory.ResourceUse;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.hunt.run.Hunt;
import io.rsaudit.core.hunt.run.HuntInput;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.report.Reports;
import io.rsaudit.core.report.json.HuntJsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@code rsaudit hunt --format json} over local paths, as the CLI runs it (core's Hunt service and JSON writer). */
final class LocalHunt {

    private LocalHunt() {}

    static JsonNode report(List<String> paths, ReadOptions options, Severity failOn, Clock clock) throws IOException {
        return report(paths, options, failOn, clock, null);
    }

    /** With {@code hunt --inventory}'s use of security groups, or {@code null} for none. */
    static JsonNode report(List<String> paths, ReadOptions options, Severity failOn, Clock clock, ResourceUse inventory)
            throws IOException {
        List<LogInput> inputs = new ArrayList<>();
        for (String p : paths) {
            inputs.addAll(LocalFiles.walk(Path.of(p)).inputs());
        }
        Hunt hunt = new Hunt(RuleCatalog.builtIn().all(), Policy.defaults(), clock, "test", inventory);
        StringWriter out = new StringWriter();
        Reports.hunt(hunt, HuntInput.of(paths, inputs), options, failOn, new HuntJsonWriter(out));
        return JsonMapper.builder().build().readTree(out.toString());
    }
}
