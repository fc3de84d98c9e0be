package io.rsaudit.aws;

import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.source.Export;
import io.rsaudit.core.source.ExportSource;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/**
 * Collects live AWS accounts, read-only: only Describe, Get and List calls (and sts:AssumeRole for the role, with the
 * caller's credentials); docs/live-scan.md lists them. The calls are those of the export layout
 * ({@code docs/input-layout.md}, the table {@link AwsCliCall}), and their answers go where the caller says: into
 * memory, where the offline scan's readers read them as they are ({@link #collect()}, a live scan), or into an export
 * folder as the AWS CLI prints them ({@link #export}), or both ({@link #collectAndExport}).
 *
 * <p>Faults are data: a call that fails after the SDK's retries is recorded with the account, region, IAM action,
 * AWS's error and request id; the reader turns it into a collection error and the checks that needed it into
 * UNKNOWN. Nothing here throws for what AWS answers.
 */
public final class LiveCollector {

    /**
     * What a collection did.
     *
     * @param accounts the target accounts (empty when they could not be listed, or the caller's was unknown)
     * @param scopes account-regions collected (or attempted)
     * @param calls API calls made, each page one, retries not counted
     * @param answered calls answered (each is one {@code .json} file of an export)
     * @param failed calls that failed or could not be made (each is one {@code .error} file of an export)
     * @param problems failures with no place in the layout (no account to file them under), already redacted
     */
    public record Result(
            List<String> accounts,
            int scopes,
            long calls,
            long answered,
            long failed,
            List<String> problems,
            Duration elapsed) {

        public boolean complete() {
            return failed == 0 && problems.isEmpty();
        }
    }

    /**
     * A collection held in memory.
     *
     * @param answers every answer and failure, as the offline scan's readers read them
     */
    public record Collection(Result result, Export answers) {

        /** The inventory of what was collected: the collection's problems are among its errors. */
        public Inventory inventory() {
            return new ExportSource(answers).load();
        }
    }

    /** Which calls a collection makes in each account-region. */
    public enum Extent {
        /** Every call of the export layout: what a scan judges. */
        ESTATE,
        /**
         * The account's identity and regions, then each region's clusters, workgroups and namespaces only, and the
         * keys they name by an alias: what a hunt needs to tell whose a security group or a KMS key is ({@code hunt
         * --inventory-live}).
         */
        RESOURCE_USERS
    }

    private final LiveOptions options;
    private final Extent extent;

    /** A collection of the whole estate ({@link Extent#ESTATE}). */
    public LiveCollector(LiveOptions options) {
        this(options, Extent.ESTATE);
    }

    public LiveCollector(LiveOptions options, Extent extent) {
        this.options = options;
        this.extent = Objects.requireNonNull(extent, "extent");
    }

    /** Collects into memory, for a live scan: nothing of the estate is written anywhere. */
    public Collection collect() {
        return collect(now());
    }

    /** {@link #collect()} as if begun at {@code startedAt}: the collection time, which ends the CloudTrail lookups. */
    public Collection collect(Instant startedAt) {
        Instant at = startedAt.truncatedTo(ChronoUnit.SECONDS);
        Responses responses = new Responses(at);
        Result result = collect(responses, at);
        responses.problems(result.problems());
        return new Collection(result, responses);
    }

    /**
     * Writes the layout into {@code dir} (which must exist); an account folder already there is replaced.
     *
     * @param startedAt recorded as each account's collection time ({@link Export#COLLECTION})
     */
    public Result export(Path dir, Instant startedAt) {
        Instant at = startedAt.truncatedTo(ChronoUnit.SECONDS);
        return collect(new ExportFiles(dir, at), at);
    }

    /** {@link #export(Path, Instant)} starting now. */
    public Result export(Path dir) {
        return export(dir, now());
    }

    /** {@link #collect()} and {@link #export} at once, from the same answers. */
    public Collection collectAndExport(Path dir) {
        return collectAndExport(dir, now());
    }

    /**
     * {@link #collectAndExport(Path)} as if begun at {@code startedAt}: the collection time both record, and the end
     * of the CloudTrail lookups (a test pins it to the estate it serves).
     */
    public Collection collectAndExport(Path dir, Instant startedAt) {
        Instant at = startedAt.truncatedTo(ChronoUnit.SECONDS);
        Responses responses = new Responses(at);
        Result result = collect(CallSink.both(responses, new ExportFiles(dir, at)), at);
        responses.problems(result.problems());
        return new Collection(result, responses);
    }

    /** The collection time an export records, to the second (as collection.json holds it). */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private Result collect(CallSink sink, Instant startedAt) {
        try (Run run = new Run(options, extent, sink, startedAt)) {
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
                    run.answered(),
                    run.failed(),
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
