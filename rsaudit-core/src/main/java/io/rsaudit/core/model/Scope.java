package io.rsaudit.core.model;

import java.io.Serializable;
import java.util.Objects;

/** One account and region; {@code region} is {@code null} for account-wide things. */
public record Scope(String account, String region) implements Comparable<Scope>, Serializable {

    public Scope {
        Objects.requireNonNull(account, "account");
    }

    public static Scope account(String account) {
        return new Scope(account, null);
    }

    public String partition() {
        return Arns.partition(region);
    }

    @Override
    public int compareTo(Scope o) {
        int c = account.compareTo(o.account);
        if (c != 0) {
            return c;
        }
        return String.valueOf(region).compareTo(String.valueOf(o.region));
    }

    @Override
    public String toString() {
        return region == null ? account : account + "/" + region;
    }
}
