package io.rsaudit.aws;

import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.source.InventorySource;
import java.time.Clock;

/**
 * The inventory of live AWS accounts: a {@link LiveCollector} collecting into memory, read by the offline scan's
 * readers. Every value's provenance names the API call it came from ({@code aws://<account>/<region>/<action>},
 * the page, AWS's request id, and the JSON pointer inside the answer); every failed call is a collection error
 * naming the account, region, action and AWS's error code.
 */
public final class LiveInventorySource implements InventorySource {

    private final LiveOptions options;
    private final Clock clock;

    public LiveInventorySource(LiveOptions options) {
        this(options, Clock.systemUTC());
    }

    /**
     * @param clock when the collection begins, read as it begins: each account's collection time, which ages are
     *     measured from and which ends the CloudTrail lookups
     */
    public LiveInventorySource(LiveOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    @Override
    public Inventory load() {
        return new LiveCollector(options).collect(clock.instant()).inventory();
    }
}
