package io.rsaudit.core.check.atrest;

import io.rsaudit.core.model.KmsKey;
import java.util.List;

/** Names the resources that use a key, shortened so that a key behind hundreds of snapshots still reads well. */
final class KeyUsers {

    private static final int SHOWN = 5;

    private KeyUsers() {}

    static String of(KmsKey key) {
        List<String> users = key.usedBy();
        if (users.isEmpty()) {
            return "no resource in this export";
        }
        String shown = String.join(", ", users.subList(0, Math.min(SHOWN, users.size())));
        return users.size() <= SHOWN ? shown : shown + " and " + (users.size() - SHOWN) + " more";
    }
}
