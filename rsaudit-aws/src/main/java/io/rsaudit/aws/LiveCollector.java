package io.rsaudit.aws;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/**
 * Collects live AWS accounts into the export layout the offline scan reads ({@code docs/input-layout.md}), so that
 * a live scan is an export plus {@link io.rsaudit.core.source.CliJsonSource}: the same reader, checks and verdict,
 * and the same provenance ({@code <account>/<region>/redshift/describe-clusters.json#/Clusters/0}, which names the
 * account, the region and the API call). Read-only: only Describe, Get and List calls (and sts:AssumeRole for the
 * role, with the caller's credentials); docs/live-scan.md lists them.
 *
 * <p>Faults are data: a call that fails after the SDK's retries is its {@code .error} file, naming account, region,
 * IAM action and AWS's error; the offline reader turns it into a collection error and the checks that needed it
 * into UNKNOWN. Nothing here throws for what AWS answers.
 */
public final class LiveCollector {

    /**
     * What a collection did.
     *
     * @param accounts the target accounts (empty when they could not be listed, or the caller's was unknown)
     * @param scopes account-regions collected (or attempted)
     * @param calls API calls made, each page one, retries not counted
     * @param files {@code .json} files written
     * @param errors {@code .error} files written: calls that failed
     * @param problems failures with no place in the layout (no account to file them under), already redacted
     */
    public record Result(
            List<String> accounts,
            int scopes,
            long calls,
            long files,
            long errors,
            List<String> problems,
            Duration elapsed) {

        public boolean complete() {
            return errors == 0 && problems.isEmpty();
        }
    }

    private final LiveOptions options;

    public LiveCollector(LiveOptions options) {
        this.options = options;
    }

    /** Writes the layout into {@code dir} (which must exist); an account folder already there is replaced. */
    public Result collect(Path dir) {
        ExportFiles files = new ExportFiles(dir);
        try (Run run = new Run(options, files)) {
            List<String> targets = targets(run);
            if (targets == null) {
                new AccountCollector(run, null).start();
            } else {
                for (String account : targets) {
                    new AccountCollector(run, account).start();
                }
            }
            run.awaitAll();
            if (!run.failures().isEmpty()) {
                Throwable first = run.failures().get(0);
                if (first.getCause() instanceof UncheckedIOException io) {
                    throw io;
                }
                IllegalStateException e =
                        new IllegalStateException("the live collection failed in rsaudit itself: " + first, first);
                run.failures().stream().skip(1).forEach(e::addSuppressed);
                throw e;
            }
            options.progress().changed(run.status(true));
            return new Result(
                    targets == null ? List.of() : targets,
                    run.scopes(),
                    run.calls(),
                    files.files(),
                    files.errors(),
                    run.problems(),
                    run.elapsed());
        }
    }

    /** The accounts to assume the role in; {@code null} for the caller's own; empty when they could not be listed. */
    private List<String> targets(Run run) {
        if (!options.org()) {
            return options.accounts().isEmpty() ? null : options.accounts();
        }
        List<String> active = new ArrayList<>();
        try {
            for (var page : run.clients.organizations().listAccountsPaginator(r -> r.maxResults(20))) {
                for (Account a : page.accounts()) {
                    if (a.status() == AccountStatus.ACTIVE
                            && a.id() != null
                            && LiveOptions.ACCOUNT.matcher(a.id()).matches()) {
                        active.add(a.id());
                    }
                }
            }
        } catch (SdkException e) {
            run.problem(run.errorText.of(Action.LIST_ACCOUNTS, null, null, e).strip()
                    + " (the organization's accounts are unknown, so none was collected)");
            return List.of();
        }
        return List.copyOf(active);
    }
}
