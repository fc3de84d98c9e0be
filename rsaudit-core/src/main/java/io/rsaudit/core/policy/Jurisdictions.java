package io.rsaudit.core.policy;

import java.util.Map;

/**
 * The built-in map from every AWS region to the jurisdiction its data sits in. {@code EEA} is the EU and
 * European Economic Area; the UK ({@code GB}) and Switzerland ({@code CH}) are separate jurisdictions (both have an
 * EU adequacy decision; allow routes to them in the policy where your transfer assessment covers it).
 */
public final class Jurisdictions {

    public static final String EEA = "EEA";

    static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("us-east-1", "US"),
            Map.entry("us-east-2", "US"),
            Map.entry("us-west-1", "US"),
            Map.entry("us-west-2", "US"),
            Map.entry("us-gov-east-1", "US"),
            Map.entry("us-gov-west-1", "US"),
            Map.entry("ca-central-1", "CA"),
            Map.entry("ca-west-1", "CA"),
            Map.entry("mx-central-1", "MX"),
            Map.entry("sa-east-1", "BR"),
            Map.entry("eu-central-1", EEA),
            Map.entry("eu-west-1", EEA),
            Map.entry("eu-west-3", EEA),
            Map.entry("eu-south-1", EEA),
            Map.entry("eu-south-2", EEA),
            Map.entry("eu-north-1", EEA),
            Map.entry("eusc-de-east-1", EEA),
            Map.entry("eu-west-2", "GB"),
            Map.entry("eu-central-2", "CH"),
            Map.entry("il-central-1", "IL"),
            Map.entry("me-south-1", "BH"),
            Map.entry("me-central-1", "AE"),
            Map.entry("af-south-1", "ZA"),
            Map.entry("ap-east-1", "HK"),
            Map.entry("ap-east-2", "TW"),
            Map.entry("ap-south-1", "IN"),
            Map.entry("ap-south-2", "IN"),
            Map.entry("ap-southeast-1", "SG"),
            Map.entry("ap-southeast-2", "AU"),
            Map.entry("ap-southeast-3", "ID"),
            Map.entry("ap-southeast-4", "AU"),
            Map.entry("ap-southeast-5", "MY"),
            Map.entry("ap-southeast-6", "NZ"),
            Map.entry("ap-southeast-7", "TH"),
            Map.entry("ap-northeast-1", "JP"),
            Map.entry("ap-northeast-2", "KR"),
            Map.entry("ap-northeast-3", "JP"),
            Map.entry("cn-north-1", "CN"),
            Map.entry("cn-northwest-1", "CN"));

    private Jurisdictions() {}

    public static Map<String, String> builtIn() {
        return BUILT_IN;
    }
}
