package io.rsaudit.core.catalog;

import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The checks rsaudit runs, with their metadata, sorted by id. */
public final class CheckCatalog {

    private final Map<String, CheckMetadata> byId;

    public CheckCatalog(List<? extends Check<? extends Resource>> checks) {
        List<CheckMetadata> all = new ArrayList<>();
        for (Check<? extends Resource> c : checks) {
            all.add(CheckMetadata.of(c));
        }
        all.sort(Comparator.comparing(CheckMetadata::id));
        Map<String, CheckMetadata> map = new LinkedHashMap<>();
        for (CheckMetadata m : all) {
            CheckMetadata clash = map.put(m.id(), m);
            if (clash != null) {
                throw new IllegalStateException("check id " + m.id() + " is used by both "
                        + clash.check().getClass().getName() + " and "
                        + m.check().getClass().getName());
            }
        }
        this.byId = map;
    }

    /** Every built-in check. */
    public static CheckCatalog builtIn() {
        return new CheckCatalog(BuiltInChecks.ALL);
    }

    /**
     * The ids of the built-in checks, read from their annotations without their documentation: what a hunt needs to
     * validate a policy that names checks, at a fraction of {@link #builtIn}'s cost (it reads and parses every
     * check's page).
     */
    public static Set<String> builtInIds() {
        Set<String> ids = new TreeSet<>();
        for (Check<? extends Resource> c : BuiltInChecks.ALL) {
            CheckInfo info = c.getClass().getAnnotation(CheckInfo.class);
            if (info == null || !ids.add(info.id())) {
                throw new IllegalStateException(c.getClass().getName() + ": no @CheckInfo, or its id is used twice");
            }
        }
        return Collections.unmodifiableSet(ids);
    }

    public List<CheckMetadata> all() {
        return List.copyOf(byId.values());
    }

    public Optional<CheckMetadata> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Set<String> ids() {
        return byId.keySet();
    }
}
