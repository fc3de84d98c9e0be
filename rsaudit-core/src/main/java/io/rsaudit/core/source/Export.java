package io.rsaudit.core.source;

import io.rsaudit.core.model.Scope;
import java.time.Instant;
import java.util.List;

/**
 * Where the answers to the calls of {@link AwsCliCall} come from: a folder of AWS CLI JSON ({@link ExportFolder}), or
 * the responses a live collection holds in memory. {@link ExportSource} reads either into the same inventory.
 *
 * <p>Implementations are read from several threads at once once {@link #accounts} has returned; they report what is
 * wrong with them to the {@link Diagnostics} they are handed, and never throw for bad input.
 */
public interface Export {

    /**
     * One account and the regions collected for it.
     *
     * @param location where the account's outputs are, for the provenance of the account itself
     * @param regions in the order they are read
     * @param collectedAt when the account was collected, as the export records it ({@link #COLLECTION}), or
     *     {@code null} when it does not say
     */
    record Account(String account, String location, List<String> regions, Instant collectedAt) {

        public Account {
            regions = List.copyOf(regions);
        }

        /** Without a recorded collection time. */
        public Account(String account, String location, List<String> regions) {
            this(account, location, regions, null);
        }
    }

    /**
     * The file of an account folder that records when the account was collected: {@code {"collectedAt":
     * "2026-06-01T12:00:00Z"}}, written by the collector script and {@code rsaudit export}, read by the scan to
     * measure ages from.
     */
    String COLLECTION = "collection.json";

    /**
     * The accounts, in the order they are read. Called once, before anything else: what is wrong with the export as a
     * whole (stray files, an account of which nothing was collected, a region list that could not be read) is
     * reported to {@code diagnostics} here.
     */
    List<Account> accounts(Diagnostics diagnostics);

    /**
     * What the export holds for a call: its answer, or why there is none.
     *
     * @param scope the account and region (the region is {@code null} for an account-wide call)
     * @param resource what a per-resource call was made for ({@link AwsCliCall#perResource()}), else {@code null}
     * @param diagnostics where problems met on the way go (a page missing between others, say)
     */
    CallOutput output(Scope scope, AwsCliCall call, String resource, Diagnostics diagnostics);

    /** Where a call's answer is, or would be: a file relative to the export's root, or the API call. */
    String location(Scope scope, AwsCliCall call, String resource);
}
