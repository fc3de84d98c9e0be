package io.rsaudit.core.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data-residency rules for cross-region snapshot copies: data from a region in a restricted jurisdiction may be
 * copied only to a region of the same jurisdiction, or along a route the policy allows.
 *
 * @param jurisdictions region to jurisdiction: the built-in map plus the policy's additions
 * @param restricted jurisdictions whose data must stay inside them (default {@code EEA}, for GDPR)
 * @param allowedRoutes routes allowed on top; each end is a region or a jurisdiction
 */
public record Residency(Map<String, String> jurisdictions, Set<String> restricted, List<Route> allowedRoutes) {

    public Residency {
        jurisdictions = Map.copyOf(jurisdictions);
        restricted = Set.copyOf(restricted);
        allowedRoutes = List.copyOf(allowedRoutes);
    }

    public static Residency defaults() {
        return new Residency(Jurisdictions.builtIn(), Set.of(Jurisdictions.EEA), List.of());
    }

    /** A route from one region or jurisdiction to another. */
    public record Route(String from, String to) {

        boolean matches(String fromRegion, String fromJurisdiction, String toRegion, String toJurisdiction) {
            return (from.equals(fromRegion) || from.equals(fromJurisdiction))
                    && (to.equals(toRegion) || to.equals(toJurisdiction));
        }
    }

    public enum Verdict {
        ALLOWED,
        DENIED,
        UNKNOWN
    }

    public record Decision(Verdict verdict, String reason) {}

    public String jurisdiction(String region) {
        return jurisdictions.get(region);
    }

    /**
     * The regions of the profile that data from {@code fromRegion} may be copied to under these rules, sorted; the
     * region itself among them. Empty when the region has no jurisdiction in the profile.
     */
    public List<String> allowedDestinations(String fromRegion) {
        return jurisdictions.keySet().stream()
                .filter(to -> copy(fromRegion, to).verdict() == Verdict.ALLOWED)
                .sorted()
                .toList();
    }

    /** Whether copying data from {@code fromRegion} to {@code toRegion} respects the rules, and why. */
    public Decision copy(String fromRegion, String toRegion) {
        String from = jurisdictions.get(fromRegion);
        String to = jurisdictions.get(toRegion);
        for (Route r : allowedRoutes) {
            if (r.matches(fromRegion, from, toRegion, to)) {
                return new Decision(Verdict.ALLOWED, "the policy allows the route " + r.from() + " -> " + r.to());
            }
        }
        if (from == null) {
            return new Decision(
                    Verdict.UNKNOWN,
                    "region " + fromRegion + " has no jurisdiction in the residency"
                            + " profile; add it under dataResidency.regions in the policy");
        }
        if (!restricted.contains(from)) {
            return new Decision(
                    Verdict.ALLOWED,
                    fromRegion + " is in " + from + ", whose data the policy does not" + " restrict to its territory");
        }
        if (to == null) {
            return new Decision(
                    Verdict.UNKNOWN,
                    "destination region " + toRegion + " has no jurisdiction in the"
                            + " residency profile; add it under dataResidency.regions in the policy");
        }
        if (from.equals(to)) {
            return new Decision(
                    Verdict.ALLOWED, "the copy stays in " + from + " (" + fromRegion + " -> " + toRegion + ")");
        }
        return new Decision(
                Verdict.DENIED,
                "the copy takes data from " + fromRegion + " (" + from + ") to " + toRegion + " (" + to + "), out of "
                        + from + ", and no allowed route covers it");
    }
}
