package io.rsaudit.testkit.estate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Everything of a generated estate except the snapshots: accounts, regions, keys, parameter groups, security
 * groups, clusters, copy grants, serverless namespaces and trails. The snapshots (the bulk) are streamed by
 * {@link EstateGenerator} from this plan and never held in memory.
 *
 * <p>All choices come from one {@link Random} in a fixed order, so a seed fixes the plan.
 */
final class EstatePlan {

    /** Regions where Redshift runs, most used first; an estate of N regions takes the first N. */
    static final List<String> REGIONS = List.of(
            "us-east-1",
            "eu-west-1",
            "us-west-2",
            "eu-central-1",
            "ap-southeast-2",
            "us-east-2",
            "ap-northeast-1",
            "eu-west-2",
            "ap-southeast-1",
            "ca-central-1",
            "ap-south-1",
            "eu-north-1",
            "eu-west-3",
            "ap-northeast-2",
            "sa-east-1",
            "us-west-1",
            "eu-south-1",
            "ap-northeast-3",
            "ap-east-1",
            "me-south-1",
            "af-south-1",
            "eu-central-2",
            "eu-south-2",
            "ap-south-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "me-central-1",
            "il-central-1",
            "ca-west-1");

    /** The moment the export was taken: every timestamp is before it. */
    static final Instant AS_OF = Instant.parse("2025-06-01T06:00:00Z");

    static final String AWS_OWNED_KEY = "AWS_OWNED_KMS_KEY";
    static final String COPY_ALIAS = "alias/redshift-snapshot-copy";

    private static final String[] PURPOSES = {
        "analytics",
        "etl",
        "reporting",
        "finance",
        "marketing",
        "sales",
        "bi",
        "dwh",
        "ml-features",
        "clickstream",
        "billing",
        "risk",
        "supply-chain",
        "hr",
        "growth",
        "telemetry"
    };
    private static final String[] ENVS = {"prod", "prod", "prod", "staging", "dev", "test", "qa"};
    private static final String[] CUSTOM_GROUPS = {
        "analytics-params", "etl-params", "secure-params", "reporting-params", "wlm-tuned"
    };
    private static final String[] USERS = {
        "awsuser", "awsuser", "awsuser", "admin", "dw_admin", "rs_owner", "etl_master", "dbadmin"
    };

    record Account(int index, String id, String name) {}

    /** A KMS key: customer managed (a pool per region) or the AWS managed {@code aws/redshift} key. */
    record Key(
            String id,
            String arn,
            String account,
            String region,
            boolean awsManaged,
            String state,
            boolean rotation,
            int rotationDays,
            Instant created,
            String description) {}

    /** A cluster parameter group and the security-relevant values it sets. */
    record ParamGroup(
            String name,
            String family,
            boolean isDefault,
            boolean requireSsl,
            boolean fipsSsl,
            boolean userActivityLogging,
            String description) {}

    /** An EC2 security group; {@code openToWorld} when it lets 0.0.0.0/0 reach the Redshift port. */
    record SecurityGroup(
            String id, String name, String vpcId, boolean openToWorld, boolean ipv6Open, String peerGroupId) {}

    /** A snapshot copy grant in a destination region; {@code keyRef} is an ARN, an alias or null (default key). */
    record Grant(String name, String keyRef) {}

    enum Encryption {
        NONE,
        CMK,
        AWS_MANAGED,
        AWS_OWNED,
        HSM
    }

    static final class Cluster {
        Scope scope;
        String identifier;
        String nodeType;
        int nodes;
        String status;
        String masterUsername;
        String dbName;
        int port;
        Instant created;
        int automatedRetention;
        int manualRetention;
        List<String> securityGroupIds;
        ParamGroup group;
        boolean sslPendingReboot;
        String subnetGroup;
        String availabilityZone;
        boolean publiclyAccessible;
        Encryption encryption;
        Key key;
        String copyDestination;
        int copyRetention;
        int copyManualRetention;
        String copyGrant;
        boolean multiAz;
        boolean allowVersionUpgrade;
        boolean enhancedVpcRouting;
        boolean managedPassword;
        String maintenanceTrack;
        String version;
        String endpointHash;
        String namespaceId;
        /** Snapshots written so far, for unique identifiers. */
        int snapshotsWritten;

        boolean encrypted() {
            return encryption != Encryption.NONE;
        }

        /** The KmsKeyId the API reports, or null. */
        String kmsKeyId() {
            return switch (encryption) {
                case CMK, AWS_MANAGED -> key.arn();
                case AWS_OWNED -> AWS_OWNED_KEY;
                case NONE, HSM -> null;
            };
        }
    }

    static final class Namespace {
        String name;
        String id;
        String workgroup;
        String workgroupId;
        String keyRef;
        Instant created;
        boolean managedPassword;
        String adminUsername;
        List<String> logExports;
        int snapshots;
        boolean publiclyAccessible;
        boolean requireSsl;
        List<String> securityGroupIds;
    }

    static final class Scope {
        final Account account;
        final String region;
        final String vpcId;
        final List<Key> keys = new ArrayList<>();
        Key awsManagedKey;
        Key aliasTarget;
        final List<ParamGroup> groups = new ArrayList<>();
        final List<SecurityGroup> securityGroups = new ArrayList<>();
        final List<Cluster> clusters = new ArrayList<>();
        /** Clusters of other regions of the account that copy their snapshots here. */
        final List<Cluster> incomingCopies = new ArrayList<>();

        final Map<String, Grant> grants = new LinkedHashMap<>();
        final List<Namespace> namespaces = new ArrayList<>();
        int snapshots;
        int clusterSequence;

        Scope(Account account, String region, String vpcId) {
            this.account = account;
            this.region = region;
            this.vpcId = vpcId;
        }

        String arn(String service, String resource) {
            return "arn:aws:" + service + ":" + region + ":" + account.id() + ":" + resource;
        }
    }

    /** A CloudTrail trail of an account; its status and selectors live in its home region. */
    record Trail(
            String name,
            String homeRegion,
            boolean multiRegion,
            boolean logging,
            boolean validation,
            String selectors,
            String bucket) {

        String arn(String account) {
            return "arn:aws:cloudtrail:" + homeRegion + ":" + account + ":trail/" + name;
        }
    }

    final EstateSpec spec;
    final Random rnd;
    final List<Account> accounts = new ArrayList<>();
    final List<String> externalAccounts = new ArrayList<>();
    final List<String> regions;
    /** Scopes account-major, in the order the regions are listed. */
    final List<Scope> scopes = new ArrayList<>();

    final Map<String, List<Trail>> trails = new LinkedHashMap<>();

    EstatePlan(EstateSpec spec) {
        this.spec = spec;
        this.rnd = new Random(spec.seed());
        this.regions = REGIONS.subList(0, spec.regions());
        planAccounts();
        int scopeCount = accounts.size() * regions.size();
        for (Account a : accounts) {
            for (String region : regions) {
                Scope s = new Scope(a, region, "vpc-" + hex(17));
                int index = scopes.size();
                scopes.add(s);
                planKeys(s, spec.customerKeys() == 0 ? between(2, 4) : share(spec.customerKeys(), scopeCount, index));
                planGroups(
                        s,
                        spec.parameterGroups() == 0
                                ? between(1, 3)
                                : share(spec.parameterGroups() - 2 * scopeCount, scopeCount, index));
                planSecurityGroups(s);
            }
        }
        planClusters();
        planCopies();
        planSnapshotCounts();
        for (Scope s : scopes) {
            planServerless(s);
        }
        for (Account a : accounts) {
            trails.put(a.id(), planTrails(a));
        }
    }

    // ---- random helpers ----

    boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    int between(int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    String pick(String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    String hex(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = "0123456789abcdef".charAt(rnd.nextInt(16));
        }
        return new String(c);
    }

    String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + "89ab".charAt(rnd.nextInt(4)) + hex(3) + "-" + hex(12);
    }

    /** A moment up to {@code maxDaysAgo} days before {@link #AS_OF}, to the millisecond. */
    Instant daysAgo(int minDays, int maxDays) {
        long millis = (long) minDays * 86_400_000L + (long) (rnd.nextDouble() * (maxDays - minDays) * 86_400_000L);
        return AS_OF.minusMillis(millis);
    }

    // ---- the plan ----

    private void planAccounts() {
        String[] names = {
            "payments",
            "data-platform",
            "analytics",
            "shared-services",
            "security",
            "sandbox",
            "marketing",
            "finance",
            "logistics",
            "research"
        };
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < spec.accounts(); i++) {
            String id;
            do {
                id = String.format("%012d", 100_000_000_000L + (long) (rnd.nextDouble() * 899_999_999_999L));
            } while (!ids.add(id));
            String env = i % 3 == 0 ? "prod" : i % 3 == 1 ? "nonprod" : "dev";
            accounts.add(
                    new Account(i, id, names[i % names.length] + "-" + env + (i >= names.length * 3 ? "-" + i : "")));
        }
        for (int i = 0; i < 5; i++) {
            String id;
            do {
                id = String.format("%012d", 100_000_000_000L + (long) (rnd.nextDouble() * 899_999_999_999L));
            } while (!ids.add(id));
            externalAccounts.add(id);
        }
    }

    /** The part of {@code total} that scope {@code index} of {@code n} gets when spread evenly. */
    private static int share(int total, int n, int index) {
        return total / n + (index < total % n ? 1 : 0);
    }

    private void planKeys(Scope s, int cmks) {
        for (int i = 0; i < cmks; i++) {
            String id = uuid();
            double r = rnd.nextDouble();
            String state = r < 0.92 ? "Enabled" : r < 0.96 ? "Disabled" : "PendingDeletion";
            boolean rotation = chance(0.7);
            s.keys.add(new Key(
                    id,
                    s.arn("kms", "key/" + id),
                    s.account.id(),
                    s.region,
                    false,
                    state,
                    rotation,
                    rotation ? (chance(0.8) ? 365 : between(90, 730)) : 0,
                    daysAgo(200, 2200),
                    pick(new String[] {
                        "Redshift data key",
                        "CMK for the data warehouse",
                        "analytics at rest",
                        "snapshot copy key",
                        "Default key for warehouse encryption"
                    })));
        }
        String id = uuid();
        s.awsManagedKey = new Key(
                id,
                s.arn("kms", "key/" + id),
                s.account.id(),
                s.region,
                true,
                "Enabled",
                true,
                365,
                daysAgo(400, 2500),
                "Default key that protects my Redshift data when no other key is defined");
        s.aliasTarget = s.keys.get(0);
    }

    private void planGroups(Scope s, int custom) {
        s.groups.add(new ParamGroup(
                "default.redshift-1.0",
                "redshift-1.0",
                true,
                false,
                false,
                false,
                "Default parameter group for redshift-1.0"));
        s.groups.add(new ParamGroup(
                "default.redshift-2.0",
                "redshift-2.0",
                true,
                true,
                false,
                false,
                "Default parameter group for redshift-2.0"));
        List<String> names = new ArrayList<>(List.of(CUSTOM_GROUPS));
        for (int i = 0; i < custom; i++) {
            String name = names.remove(rnd.nextInt(names.size()));
            boolean fips = chance(0.1);
            s.groups.add(new ParamGroup(
                    name,
                    chance(0.8) ? "redshift-2.0" : "redshift-1.0",
                    false,
                    fips || chance(0.7),
                    fips,
                    chance(0.5),
                    "Custom parameters for " + name.replace("-params", "") + " clusters"));
        }
    }

    private void planSecurityGroups(Scope s) {
        s.securityGroups.add(new SecurityGroup("sg-" + hex(17), "default", s.vpcId, false, false, null));
        int n = between(2, 5);
        for (int i = 0; i < n; i++) {
            boolean open = chance(0.15);
            String peer = chance(0.3) ? s.securityGroups.get(0).id() : null;
            s.securityGroups.add(new SecurityGroup(
                    "sg-" + hex(17), "redshift-" + pick(PURPOSES) + "-" + i, s.vpcId, open, open && chance(0.3), peer));
        }
    }

    /** Spreads the clusters over the scopes: some accounts and the main regions hold most of them. */
    private void planClusters() {
        double[] weights = new double[scopes.size()];
        double total = 0;
        for (int i = 0; i < scopes.size(); i++) {
            Scope s = scopes.get(i);
            int regionRank = regions.indexOf(s.region);
            double regionWeight = regionRank < 3 ? 6 : regionRank < 7 ? 2 : 0.6;
            double accountWeight = s.account.index() % 4 == 0 ? 3 : s.account.index() % 4 == 1 ? 1.5 : 0.7;
            weights[i] = regionWeight * accountWeight;
            total += weights[i];
        }
        for (int c = 0; c < spec.clusters(); c++) {
            double r = rnd.nextDouble() * total;
            int i = 0;
            while (i < weights.length - 1 && r >= weights[i]) {
                r -= weights[i];
                i++;
            }
            Scope s = scopes.get(i);
            s.clusters.add(cluster(s));
        }
    }

    private Cluster cluster(Scope s) {
        Cluster c = new Cluster();
        c.scope = s;
        c.identifier = pick(PURPOSES) + "-" + pick(ENVS) + "-" + (++s.clusterSequence);
        double t = rnd.nextDouble();
        c.nodeType = t < 0.3
                ? "ra3.xlplus"
                : t < 0.62 ? "ra3.4xlarge" : t < 0.72 ? "ra3.16xlarge" : t < 0.94 ? "dc2.large" : "dc2.8xlarge";
        boolean ra3 = c.nodeType.startsWith("ra3");
        c.nodes = c.nodeType.equals("dc2.large") && chance(0.3) ? 1 : between(2, ra3 ? 8 : 4);
        double st = rnd.nextDouble();
        c.status = st < 0.9 ? "available" : st < 0.95 ? "paused" : st < 0.98 ? "modifying" : "resizing";
        c.masterUsername = pick(USERS);
        c.dbName = chance(0.6) ? "dev" : pick(PURPOSES).replace('-', '_');
        c.port = chance(0.85) ? 5439 : between(5440, 5499);
        c.created = daysAgo(30, 2200);
        double ar = rnd.nextDouble();
        c.automatedRetention = ar < 0.3 ? 1 : ar < 0.65 ? 7 : ar < 0.8 ? 14 : ar < 0.95 ? 35 : ra3 ? 1 : 0;
        double mr = rnd.nextDouble();
        c.manualRetention = mr < 0.6 ? -1 : mr < 0.75 ? 30 : mr < 0.9 ? 90 : 365;
        List<SecurityGroup> pool = s.securityGroups.subList(1, s.securityGroups.size());
        SecurityGroup first = pick(pool);
        c.securityGroupIds = chance(0.3)
                ? List.of(first.id(), pick(s.securityGroups).id()).stream()
                        .distinct()
                        .toList()
                : List.of(first.id());
        List<ParamGroup> custom = s.groups.subList(2, s.groups.size());
        c.group = chance(0.35) ? s.groups.get(ra3 ? 1 : 0) : pick(custom);
        c.sslPendingReboot = !c.group.isDefault() && chance(0.05);
        c.subnetGroup = "redshift-subnets-" + s.region;
        c.availabilityZone = s.region + "abc".charAt(rnd.nextInt(3));
        c.publiclyAccessible = chance(0.1);
        double e = rnd.nextDouble();
        if (e < 0.12) {
            c.encryption = Encryption.NONE;
        } else if (e < 0.6) {
            c.encryption = Encryption.CMK;
            c.key = pick(s.keys);
        } else if (e < 0.78) {
            c.encryption = Encryption.AWS_MANAGED;
            c.key = s.awsManagedKey;
        } else if (e < 0.97) {
            c.encryption = Encryption.AWS_OWNED;
        } else {
            c.encryption = Encryption.HSM;
        }
        c.multiAz = ra3 && chance(0.15);
        c.allowVersionUpgrade = chance(0.9);
        c.enhancedVpcRouting = chance(0.5);
        c.managedPassword = chance(0.4);
        c.maintenanceTrack = chance(0.85) ? "current" : "trailing";
        c.version = "1.0." + between(70000, 99999);
        c.endpointHash = hex(12);
        c.namespaceId = uuid();
        return c;
    }

    /** Cross-region snapshot copy for about a fifth of the clusters, with a grant in the destination for KMS ones. */
    private void planCopies() {
        Map<String, Scope> byKey = new LinkedHashMap<>();
        for (Scope s : scopes) {
            byKey.put(s.account.id() + "/" + s.region, s);
        }
        for (Scope s : scopes) {
            for (Cluster c : s.clusters) {
                if (!chance(0.2)) {
                    continue;
                }
                String destination;
                if (regions.size() > 1 && (regions.size() == REGIONS.size() || chance(0.9))) {
                    do {
                        destination = pick(regions);
                    } while (destination.equals(s.region));
                } else {
                    destination = REGIONS.get(between(regions.size(), REGIONS.size() - 1));
                }
                c.copyDestination = destination;
                c.copyRetention = pick(List.of(1, 7, 7, 14, 35));
                c.copyManualRetention = chance(0.6) ? -1 : pick(List.of(7, 30, 90));
                Scope dest = byKey.get(s.account.id() + "/" + destination);
                if (c.encryption == Encryption.CMK || c.encryption == Encryption.AWS_MANAGED) {
                    c.copyGrant = "xregion-copy-from-" + s.region;
                    if (dest != null && !dest.grants.containsKey(c.copyGrant)) {
                        double k = rnd.nextDouble();
                        String keyRef = k < 0.7 ? pick(dest.keys).arn() : k < 0.85 ? COPY_ALIAS : null;
                        dest.grants.put(c.copyGrant, new Grant(c.copyGrant, keyRef));
                    }
                }
                if (dest != null) {
                    dest.incomingCopies.add(c);
                }
            }
        }
    }

    /** Snapshots per scope, proportional to its clusters (plus a little for orphans), summing exactly. */
    private void planSnapshotCounts() {
        double[] w = new double[scopes.size()];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = scopes.get(i).clusters.size() + 0.3;
            total += w[i];
        }
        int assigned = 0;
        double[] remainder = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double exact = spec.snapshots() * w[i] / total;
            scopes.get(i).snapshots = (int) Math.floor(exact);
            remainder[i] = exact - Math.floor(exact);
            assigned += scopes.get(i).snapshots;
        }
        while (assigned < spec.snapshots()) {
            int best = 0;
            for (int i = 1; i < w.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            scopes.get(best).snapshots++;
            remainder[best] = -1;
            assigned++;
        }
    }

    private void planServerless(Scope s) {
        if (!chance(0.3)) {
            return;
        }
        int n = between(1, 2);
        for (int i = 0; i < n; i++) {
            Namespace ns = new Namespace();
            String purpose = pick(PURPOSES);
            ns.name = purpose + "-ns-" + (i + 1);
            ns.id = uuid();
            ns.workgroup = purpose + "-wg-" + (i + 1);
            ns.workgroupId = uuid();
            double k = rnd.nextDouble();
            ns.keyRef = k < 0.45
                    ? AWS_OWNED_KEY
                    : k < 0.8 ? pick(s.keys).arn() : pick(s.keys).id();
            ns.created = daysAgo(10, 900);
            ns.managedPassword = chance(0.5);
            ns.adminUsername = pick(USERS);
            double l = rnd.nextDouble();
            ns.logExports = l < 0.4
                    ? List.of()
                    : l < 0.7 ? List.of("connectionlog", "userlog", "useractivitylog") : List.of("useractivitylog");
            ns.snapshots = between(0, 6);
            ns.publiclyAccessible = chance(0.1);
            ns.requireSsl = chance(0.6);
            ns.securityGroupIds = List.of(pick(s.securityGroups).id());
            s.namespaces.add(ns);
        }
    }

    private List<Trail> planTrails(Account a) {
        List<Trail> out = new ArrayList<>();
        double r = rnd.nextDouble();
        String selectors =
                r < 0.65 ? "default" : r < 0.75 ? "basic-write-only" : r < 0.88 ? "advanced-management" : "basic-all";
        boolean logging = chance(0.92);
        out.add(new Trail(
                a.name() + "-management-events",
                regions.get(0),
                true,
                logging,
                chance(0.85),
                selectors,
                "aws-cloudtrail-logs-" + a.id() + "-" + hex(8)));
        if (chance(0.3)) {
            out.add(new Trail(
                    "redshift-data-events-" + hex(4),
                    pick(regions),
                    false,
                    chance(0.8),
                    chance(0.5),
                    "advanced-data",
                    "redshift-audit-trail-" + a.id()));
        }
        return out;
    }
}
