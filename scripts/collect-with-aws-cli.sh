#!/usr/bin/env bash
# collect-with-aws-cli.sh: exports, for one AWS account, the AWS CLI JSON that rsaudit reads.
#
# Needs bash (3.2 or later) and the AWS CLI, version 1 or 2, with credentials for the account to audit.
# Nothing else: no jq, no python. Only read-only calls are made (describe, list, get); the IAM policy
# they need is docs/iam-policy.json and the layout written is docs/input-layout.md.
#
# The table of calls, file names and pages is io.rsaudit.core.source.AwsCliCall; tests check this script
# against it (CollectorContractTest) and run it against a fake AWS CLI (CollectorScriptTest).

set -euo pipefail
set -f          # no pathname expansion: resource names are never globbed
umask 077       # the export describes the estate's security: keep it private to the user

usage() {
    cat <<'EOF'
Usage: collect-with-aws-cli.sh [--out DIR] [--regions r1,r2,...] [--profile NAME] [--region REGION] [--overwrite]

Exports, with the AWS CLI, everything rsaudit reads about the Redshift estate of ONE account: the account
of the credentials in use (aws sts get-caller-identity). The files go to DIR/<account>/<region>/... as
described in docs/input-layout.md; then run:  rsaudit scan --input DIR

Options:
  --out DIR           where to write (default: ./rsaudit-export); DIR/<account>/ is created
  --regions r1,r2     collect only these regions (default: every region enabled for the account,
                      as aws ec2 describe-regions lists them)
  --profile NAME      the AWS CLI profile to use (default: the CLI's usual credential chain)
  --region REGION     the region for the account-wide calls (caller identity, region list); default:
                      the first of --regions, else the CLI's configured region, else us-east-1
  --overwrite         replace region folders left by an earlier run (default: refuse to mix runs)
  -h, --help          show this help

Only read-only calls are made; docs/iam-policy.json lists the permissions they need. A call that fails
(access denied, throttled, unreachable) leaves <name>.error holding what the CLI printed, beside where
<name>.json would be; rsaudit reports those as collection errors. Credentials are never printed or
written, and known credential values are masked in saved error messages.

Exit status: 0 everything was collected; 3 collected, but some calls failed (see the .error files);
1 nothing could be collected (no credentials, no regions); 2 bad usage.
EOF
}

die() {
    printf 'collect-with-aws-cli.sh: error: %s\n' "$1" >&2
    exit "${2:-1}"
}

warn() {
    printf 'collect-with-aws-cli.sh: warning: %s\n' "$1" >&2
}

# ---------------------------------------------------------------------------------------------------
# Options

out="rsaudit-export"
regions_arg=""
profile=""
home_region=""
overwrite=false

need_value() {
    if [ "$2" -lt 2 ]; then
        die "$1 needs a value (see --help)" 2
    fi
}

while [ "$#" -gt 0 ]; do
    case "$1" in
        -h | --help) usage; exit 0 ;;
        --out) need_value "$1" "$#"; out="$2"; shift 2 ;;
        --out=*) out="${1#--out=}"; shift ;;
        --regions) need_value "$1" "$#"; regions_arg="$2"; shift 2 ;;
        --regions=*) regions_arg="${1#--regions=}"; shift ;;
        --profile) need_value "$1" "$#"; profile="$2"; shift 2 ;;
        --profile=*) profile="${1#--profile=}"; shift ;;
        --region) need_value "$1" "$#"; home_region="$2"; shift 2 ;;
        --region=*) home_region="${1#--region=}"; shift ;;
        --overwrite) overwrite=true; shift ;;
        *) printf 'collect-with-aws-cli.sh: unknown argument: %s\n\n' "$1" >&2; usage >&2; exit 2 ;;
    esac
done

# Region names become folder names: accept only what a region looks like (ExportFolder.REGION).
is_region() {
    [[ "$1" =~ ^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$ ]]
}

regions=""
if [ -n "$regions_arg" ]; then
    old_ifs="$IFS"
    IFS=','
    for r in $regions_arg; do
        if [ -z "$r" ]; then continue; fi
        is_region "$r" || die "not a region name: '$r' (expected e.g. eu-west-1)" 2
        case " $regions " in *" $r "*) ;; *) regions="${regions:+$regions }$r" ;; esac
    done
    IFS="$old_ifs"
    [ -n "$regions" ] || die "--regions lists no region" 2
fi
if [ -n "$home_region" ]; then
    is_region "$home_region" || die "not a region name: '$home_region'" 2
elif [ -n "$regions" ]; then
    home_region="${regions%% *}"
fi
[ -n "$out" ] || die "--out needs a directory" 2

command -v aws >/dev/null 2>&1 || die "the AWS CLI is not on PATH (install it: https://aws.amazon.com/cli/)"

# Never page or prompt (AWS CLI v2); the output format is given on every call.
export AWS_PAGER=""
export AWS_CLI_AUTO_PROMPT=off

# Every call goes through this function so that --profile applies to all of them.
aws() {
    if [ -n "$profile" ]; then
        command aws "$@" --profile "$profile" </dev/null
    else
        command aws "$@" </dev/null
    fi
}

tmp="$(mktemp -d "${TMPDIR:-/tmp}/rsaudit-collect.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
tmp_out="$tmp/out"
tmp_err="$tmp/err"

# ---------------------------------------------------------------------------------------------------
# Helpers

# The file name of a resource, as AwsCliCall.fileName makes it: [A-Za-z0-9._-] kept, every other byte
# of the UTF-8 text percent-encoded (so alias/x becomes alias%2Fx).
enc() {
    local LC_ALL=C
    local s="$1" res="" c hex i
    for ((i = 0; i < ${#s}; i++)); do
        c="${s:i:1}"
        case "$c" in
            [A-Za-z0-9._-]) res+="$c" ;;
            *) printf -v hex '%02X' "'$c"; res+="%${hex: -2}" ;;
        esac
    done
    printf '%s' "$res"
}

# Copies the CLI's stderr ($1) to $2, masking credential values the environment holds and anything that
# looks like an access key id, should a service ever echo one back.
redact() {
    local text secret
    text="$(cat "$1")"
    for secret in "${AWS_SECRET_ACCESS_KEY:-}" "${AWS_SESSION_TOKEN:-}" "${AWS_SECURITY_TOKEN:-}" \
        "${AWS_ACCESS_KEY_ID:-}"; do
        if [ "${#secret}" -ge 8 ]; then
            text="${text//"$secret"/[REDACTED]}"
        fi
    done
    while [[ "$text" =~ (AKIA|ASIA)[A-Z0-9]{16} ]]; do
        text="${text//"${BASH_REMATCH[0]}"/[REDACTED]}"
    done
    if [ -z "$text" ]; then
        text="(the AWS CLI failed without printing a message)"
    fi
    printf '%s\n' "$text" >"$2"
}

# The first non-blank line of a file (the CLI starts its error messages with an empty line).
first_line() {
    local line
    while IFS= read -r line || [ -n "$line" ]; do
        if [ -n "${line//[[:space:]]/}" ]; then
            printf '%s' "$line"
            return 0
        fi
    done <"$1"
    return 0
}

files=0
failed=0
failed_list=""

# The export path relative to --out, for messages.
rel() {
    printf '%s' "${1#"$out"/}"
}

record_failure() { # $1 error file, $2 what failed, $3 exit status
    failed=$((failed + 1))
    failed_list="$failed_list    $(rel "$1")"$'\n'
    warn "$2 failed (exit $3): $(first_line "$1") -> $(rel "$1")"
}

# save BASE aws SERVICE OPERATION ARGS...: runs the call with --output json and writes BASE.json, or,
# when the call fails, BASE.error holding the CLI's stderr. Returns the call's success. The CLI follows
# the pages itself, so one call makes one file.
save() {
    local base="$1" status=0
    shift
    if [ ! -d "${base%/*}" ]; then mkdir -p "${base%/*}"; fi
    if [ -e "$base.json" ] || [ -e "$base.error" ]; then rm -f "$base.json" "$base.error"; fi
    "$@" --output json >"$tmp_out" 2>"$tmp_err" || status=$?
    if [ "$status" -eq 0 ]; then
        mv "$tmp_out" "$base.json"
        files=$((files + 1))
        return 0
    fi
    redact "$tmp_err" "$base.error"
    record_failure "$base.error" "$2 $3" "$status"
    return 1
}

# query RESULT aws SERVICE OPERATION ARGS... --query EXPR: runs the call with --output text into the file
# RESULT (tab-separated values, one line per page or row). A failure is a warning: what depends on it is
# then not collected, and rsaudit says which file is absent.
query_failed=0
query() {
    local result="$1" status=0
    shift
    "$@" --output text >"$result" 2>"$tmp_err" || status=$?
    if [ "$status" -eq 0 ]; then
        return 0
    fi
    query_failed=$((query_failed + 1))
    redact "$tmp_err" "$tmp/query-error"
    warn "$2 $3 (reading ids) failed (exit $status): $(first_line "$tmp/query-error")"
    return 1
}

# The distinct values in a query result file, one per line; the CLI prints null as None.
values() {
    local v seen=$'\n'
    for v in $(<"$1"); do
        if [ "$v" = "None" ]; then continue; fi
        case "$seen" in *$'\n'"$v"$'\n'*) continue ;; esac
        seen+="$v"$'\n'
        printf '%s\n' "$v"
    done
    return 0
}

# Whether the list MEMBER in the saved JSON file may hold something: false only when the file begins with
# an empty list, as the CLI prints one ("Clusters": []). Saves the id look-ups in empty regions; when in
# doubt it says yes, and the look-up runs.
has_items() { # $1 file, $2 member
    local head=""
    IFS= read -r -d '' -n 400 head <"$1" || true
    case "$head" in
        *"\"$2\": []"*) return 1 ;;
    esac
    return 0
}

# KMS key references: "region<TAB>key id string" lines, collected per region and looked up at the end.
kms_refs=""
add_key_refs() { # $1 region, $2 query result file
    local ref
    for ref in $(values "$2"); do
        case "$ref" in
            AWS_OWNED_KMS_KEY | alias/aws/* | *:alias/aws/*) continue ;; # AWS owned / AWS managed: no lookup
        esac
        kms_refs+="$1"$'\t'"$ref"$'\n'
    done
    return 0
}

kms_done=$'\n'
collect_key() { # $1 referring region, $2 the KmsKeyId a resource carries
    local region="$1" ref="$2" key_region resource name key_id target rest key_account
    # KmsReader: the files sit in the region the key ARN names (the referrer's region for a bare id or
    # alias), named by the key id (the ARN's resource without key/) or the alias.
    if [[ "$ref" == arn:* ]]; then
        rest="${ref#*:*:*:}"          # region:account:resource
        key_region="${rest%%:*}"
        resource="${rest#*:*:}"
        if ! is_region "$key_region" || [ "$resource" = "$rest" ]; then
            warn "not a KMS key ARN, not looked up: $ref"
            return 0
        fi
    else
        key_region="$region"
        resource="$ref"
    fi
    name="${resource#key/}"
    case "$kms_done" in *$'\n'"describe $key_region $name"$'\n'*) return 0 ;; esac
    kms_done+="describe $key_region $name"$'\n'
    local dir="$acct_dir/$key_region/kms"
    local described=false
    if save "$dir/describe-key/$(enc "$name")" aws kms describe-key --region "$key_region" --key-id "$ref"; then
        described=true
    fi
    # get-key-rotation-status, get-key-policy and list-grants take a key id or key ARN, not an alias; their files are
    # named by the key id.
    if [[ "$resource" == key/* ]]; then
        key_id="$name"
        target="$ref"
    elif [[ "$resource" != alias/* ]]; then
        key_id="$name"
        target="$ref"
    elif [ "$described" = true ] \
        && query "$tmp/key" aws kms describe-key --region "$key_region" --key-id "$ref" \
            --query 'KeyMetadata.[KeyId,Arn]'; then
        IFS=$'\t' read -r key_id target <"$tmp/key" || true
    else
        warn "rotation, policy and grants of $ref not collected: the alias could not be resolved to a key id"
        return 0
    fi
    if [ -z "${key_id:-}" ] || [ "$key_id" = "None" ] || [ -z "${target:-}" ] || [ "$target" = "None" ]; then
        warn "rotation, policy and grants of $ref not collected: describe-key named no key id"
        return 0
    fi
    case "$kms_done" in *$'\n'"rotation $key_region $key_id"$'\n'*) return 0 ;; esac
    kms_done+="rotation $key_region $key_id"$'\n'
    save "$dir/get-key-rotation-status/$(enc "$key_id")" \
        aws kms get-key-rotation-status --region "$key_region" --key-id "$target" || true
    # get-key-policy (the policy named default) answers only to the key's own account: not asked for a key of
    # another account, and neither is list-grants (that account's key policy seldom lets this one list them). Their
    # files are named by the key id, as the rotation status's; the CLI follows list-grants' pages itself.
    if [[ "$target" == arn:* ]]; then
        rest="${target#*:*:*:*:}"     # account:resource
        key_account="${rest%%:*}"
    else
        key_account="$account"
    fi
    if [ "$key_account" = "$account" ]; then
        save "$dir/get-key-policy/$(enc "$key_id")" \
            aws kms get-key-policy --region "$key_region" --key-id "$target" --policy-name default || true
        save "$dir/list-grants/$(enc "$key_id")" \
            aws kms list-grants --region "$key_region" --key-id "$target" || true
    fi
}

# describe-security-groups for the groups clusters and workgroups use. A filter, not --group-ids, so that a
# deleted group is simply absent instead of failing the whole call; at most 100 ids a call, and more
# calls make describe-security-groups.page-1.json ... page-N.json.
collect_security_groups() { # $1 region, $2 file of group ids, $3 whether every source list was read
    local region="$1" base="$region_dir/ec2/describe-security-groups" ids id chunk n=0 page=0 status
    ids="$(values "$2")"
    mkdir -p "$region_dir/ec2"
    rm -f "$base.json" "$base.error"
    if [ -z "$ids" ]; then
        if [ "$3" = true ]; then
            # No cluster or workgroup uses a group: nothing to ask AWS, and nothing is missing.
            printf '{\n    "SecurityGroups": []\n}\n' >"$base.json"
            files=$((files + 1))
        else
            warn "security groups of $region not collected: the cluster and workgroup lists were not read"
        fi
        return 0
    fi
    local chunks="" pages=""
    chunk=""
    for id in $ids; do
        chunk="${chunk:+$chunk,}$id"
        n=$((n + 1))
        if [ "$n" -eq 100 ]; then
            chunks+="$chunk"$'\n'
            chunk=""
            n=0
        fi
    done
    if [ -n "$chunk" ]; then chunks+="$chunk"$'\n'; fi
    local count=0
    for chunk in $chunks; do count=$((count + 1)); done
    for chunk in $chunks; do
        page=$((page + 1))
        status=0
        aws ec2 describe-security-groups --region "$region" --filters "Name=group-id,Values=$chunk" \
            --output json >"$tmp_out" 2>"$tmp_err" || status=$?
        if [ "$status" -ne 0 ]; then
            local p
            for p in $pages; do rm -f "$p"; files=$((files - 1)); done
            redact "$tmp_err" "$base.error"
            record_failure "$base.error" "ec2 describe-security-groups" "$status"
            return 0
        fi
        local target="$base.json"
        if [ "$count" -gt 1 ]; then target="$base.page-$page.json"; fi
        mv "$tmp_out" "$target"
        pages+="$target"$'\n'
        files=$((files + 1))
    done
}

# ---------------------------------------------------------------------------------------------------
# The account

# The account-wide calls go to --region (or the first of --regions) when given, else to the CLI's region;
# with no region configured at all, to us-east-1.
have_account=false
if [ -z "$home_region" ]; then
    if aws sts get-caller-identity --query 'Account' --output text >"$tmp/account" 2>"$tmp_err"; then
        have_account=true
    else
        case "$(first_line "$tmp_err")" in
            *"must specify a region"*)
                home_region="us-east-1"
                printf 'No AWS region is configured: the account-wide calls go to %s (choose with --region).\n' \
                    "$home_region" >&2
                ;;
        esac
    fi
fi
if [ "$have_account" = false ] \
    && ! query "$tmp/account" aws sts get-caller-identity ${home_region:+--region "$home_region"} --query 'Account'; then
    die "cannot tell which account the credentials belong to (see the warning above); check the credentials, --profile or --region"
fi
account="$(values "$tmp/account")"
[[ "$account" =~ ^[0-9]{12}$ ]] || die "aws sts get-caller-identity returned no 12-digit account id"

if [ -z "$regions" ]; then
    if ! query "$tmp/regions" aws ec2 describe-regions ${home_region:+--region "$home_region"} \
        --query 'Regions[].RegionName'; then
        die "cannot list the account's regions (see the warning above); name them with --regions, or give --region"
    fi
    for r in $(values "$tmp/regions"); do
        is_region "$r" || { warn "skipping a region name that is not one: $r"; continue; }
        regions="${regions:+$regions }$r"
    done
    [ -n "$regions" ] || die "aws ec2 describe-regions listed no region"
fi

acct_dir="$out/$account"
for region in $regions; do
    if [ -e "$acct_dir/$region" ]; then
        if [ "$overwrite" = true ]; then
            rm -rf "${acct_dir:?}/$region"
        else
            die "$acct_dir/$region already exists: collect into a new --out, or pass --overwrite to replace it" 2
        fi
    fi
done
mkdir -p "$acct_dir"
rm -rf "${acct_dir:?}/sts"
# When the account was collected: rsaudit measures ages (snapshots, keys, log deliveries) from it.
# The collection time, which the scan measures ages from, also ends the CloudTrail lookups: their 90 days
# (7776000 s, as far back as CloudTrail's event history reaches) are the 90 days before it.
collected_epoch=$(date -u +%s)
collected_at=$(date -u -d "@$collected_epoch" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null \
    || date -u -r "$collected_epoch" +%Y-%m-%dT%H:%M:%SZ)
lookup_from=$((collected_epoch - 7776000))
printf '{\n    "collectedAt": "%s"\n}\n' "$collected_at" >"$acct_dir/collection.json"

printf 'Collecting account %s, regions: %s\n' "$account" "$regions" >&2
save "$acct_dir/sts/get-caller-identity" aws sts get-caller-identity ${home_region:+--region "$home_region"} || true

# ---------------------------------------------------------------------------------------------------
# One region

collect_region() {
    local region="$1"
    region_dir="$acct_dir/$region"
    local rs="$region_dir/redshift" sl="$region_dir/redshift-serverless" ct="$region_dir/cloudtrail"
    local sg_ids="$tmp/sg-ids" sg_complete=true
    : >"$sg_ids"
    mkdir -p "$region_dir"
    printf '== %s\n' "$region" >&2

    # Provisioned clusters, then what hangs off each cluster: its logging status and its parameter group
    # (ClusterParameterGroups[0], the one a cluster has), its security groups and its KMS key.
    if save "$rs/describe-clusters" aws redshift describe-clusters --region "$region"; then
        if has_items "$rs/describe-clusters.json" Clusters; then
            if query "$tmp/clusters" aws redshift describe-clusters --region "$region" \
                --query 'Clusters[].[ClusterIdentifier,ClusterParameterGroups[0].ParameterGroupName,KmsKeyId]'; then
                local cluster group key groups=$'\n'
                : >"$tmp/q"
                while IFS=$'\t' read -r cluster group key || [ -n "$cluster" ]; do
                    if [ -z "$cluster" ] || [ "$cluster" = "None" ]; then
                        continue
                    fi
                    save "$rs/describe-logging-status/$(enc "$cluster")" \
                        aws redshift describe-logging-status --region "$region" --cluster-identifier "$cluster" || true
                    if [ -n "$group" ] && [ "$group" != "None" ]; then
                        case "$groups" in
                            *$'\n'"$group"$'\n'*) ;;
                            *)
                                groups+="$group"$'\n'
                                save "$rs/describe-cluster-parameters/$(enc "$group")" \
                                    aws redshift describe-cluster-parameters --region "$region" \
                                    --parameter-group-name "$group" || true
                                ;;
                        esac
                    fi
                    printf '%s\n' "${key:-None}" >>"$tmp/q"
                done <"$tmp/clusters"
                add_key_refs "$region" "$tmp/q"
            fi
            if query "$tmp/q" aws redshift describe-clusters --region "$region" \
                --query 'Clusters[].VpcSecurityGroups[].VpcSecurityGroupId'; then
                cat "$tmp/q" >>"$sg_ids"
            else
                sg_complete=false
            fi
        fi
    else
        sg_complete=false
    fi
    save "$rs/describe-cluster-parameter-groups" \
        aws redshift describe-cluster-parameter-groups --region "$region" || true
    # Event notification subscriptions and cluster subnet groups: read for their tags and zones only.
    save "$rs/describe-event-subscriptions" \
        aws redshift describe-event-subscriptions --region "$region" || true
    save "$rs/describe-cluster-subnet-groups" \
        aws redshift describe-cluster-subnet-groups --region "$region" || true
    # The accounts allowed to create endpoints to this account's clusters (as grantor).
    save "$rs/describe-endpoint-authorization" \
        aws redshift describe-endpoint-authorization --region "$region" || true
    # The datashares this account produces, with their consumers.
    save "$rs/describe-data-shares-for-producer" \
        aws redshift describe-data-shares-for-producer --region "$region" || true

    # Snapshots: every snapshot is saved; only the keys of the account's own snapshots are looked up
    # (a snapshot shared in from another account is judged by that account).
    if save "$rs/describe-cluster-snapshots" aws redshift describe-cluster-snapshots --region "$region" \
        && has_items "$rs/describe-cluster-snapshots.json" Snapshots; then
        if query "$tmp/q" aws redshift describe-cluster-snapshots --region "$region" \
            --query "Snapshots[?OwnerAccount=='$account' || !OwnerAccount].KmsKeyId"; then
            add_key_refs "$region" "$tmp/q"
        fi
    fi
    if save "$rs/describe-snapshot-copy-grants" aws redshift describe-snapshot-copy-grants --region "$region" \
        && has_items "$rs/describe-snapshot-copy-grants.json" SnapshotCopyGrants; then
        if query "$tmp/q" aws redshift describe-snapshot-copy-grants --region "$region" \
            --query 'SnapshotCopyGrants[].KmsKeyId'; then
            add_key_refs "$region" "$tmp/q"
        fi
    fi

    # Redshift Serverless.
    if save "$sl/list-namespaces" aws redshift-serverless list-namespaces --region "$region" \
        && has_items "$sl/list-namespaces.json" namespaces; then
        if query "$tmp/q" aws redshift-serverless list-namespaces --region "$region" \
            --query 'namespaces[].kmsKeyId'; then
            add_key_refs "$region" "$tmp/q"
        fi
    fi
    if save "$sl/list-workgroups" aws redshift-serverless list-workgroups --region "$region"; then
        if has_items "$sl/list-workgroups.json" workgroups; then
            if query "$tmp/q" aws redshift-serverless list-workgroups --region "$region" \
                --query 'workgroups[].securityGroupIds[]'; then
                cat "$tmp/q" >>"$sg_ids"
            else
                sg_complete=false
            fi
        fi
    else
        sg_complete=false
    fi
    if save "$sl/list-snapshots" aws redshift-serverless list-snapshots --region "$region" \
        && has_items "$sl/list-snapshots.json" snapshots; then
        if query "$tmp/q" aws redshift-serverless list-snapshots --region "$region" \
            --query "snapshots[?ownerAccount=='$account' || !ownerAccount].kmsKeyId"; then
            add_key_refs "$region" "$tmp/q"
        fi
    fi

    # Serverless snapshot copy configurations; the key each names is looked up in its destination region,
    # when that region is collected too.
    if save "$sl/list-snapshot-copy-configurations" \
        aws redshift-serverless list-snapshot-copy-configurations --region "$region" \
        && has_items "$sl/list-snapshot-copy-configurations.json" snapshotCopyConfigurations; then
        if query "$tmp/copies" aws redshift-serverless list-snapshot-copy-configurations --region "$region" \
            --query 'snapshotCopyConfigurations[].[destinationRegion,destinationKmsKeyId]'; then
            local dest dest_key
            while IFS=$'\t' read -r dest dest_key || [ -n "$dest" ]; do
                case " $regions " in
                    *" $dest "*)
                        printf '%s\n' "${dest_key:-None}" >"$tmp/q"
                        add_key_refs "$dest" "$tmp/q"
                        ;;
                esac
            done <"$tmp/copies"
        fi
    fi

    # Serverless scheduled actions (snapshot schedules): the region's list, then each action by its name.
    if save "$sl/list-scheduled-actions" aws redshift-serverless list-scheduled-actions --region "$region" \
        && has_items "$sl/list-scheduled-actions.json" scheduledActions; then
        if query "$tmp/actions" aws redshift-serverless list-scheduled-actions --region "$region" \
            --query 'scheduledActions[].[scheduledActionName]'; then
            local action
            while IFS= read -r action || [ -n "$action" ]; do
                if [ -z "$action" ] || [ "$action" = "None" ]; then
                    continue
                fi
                save "$sl/get-scheduled-action/$(enc "$action")" \
                    aws redshift-serverless get-scheduled-action --region "$region" \
                    --scheduled-action-name "$action" || true
            done <"$tmp/actions"
        fi
    fi

    collect_security_groups "$region" "$sg_ids" "$sg_complete"

    # CloudTrail: describe-trails in every region (it lists the region's trails and every multi-region
    # trail); status and selectors once per trail, in its home region, named by the trail's Name and
    # asked by its ARN (which also works for an organization trail).
    if save "$ct/describe-trails" aws cloudtrail describe-trails --region "$region" \
        && has_items "$ct/describe-trails.json" trailList; then
        if query "$tmp/trails" aws cloudtrail describe-trails --region "$region" \
            --query "trailList[?HomeRegion=='$region'].[Name,TrailARN]"; then
            local name arn
            while IFS=$'\t' read -r name arn || [ -n "$name" ]; do
                if [ -z "$name" ] || [ "$name" = "None" ] || [ -z "$arn" ] || [ "$arn" = "None" ]; then
                    continue
                fi
                save "$ct/get-trail-status/$(enc "$name")" \
                    aws cloudtrail get-trail-status --region "$region" --name "$arn" || true
                save "$ct/get-event-selectors/$(enc "$name")" \
                    aws cloudtrail get-event-selectors --region "$region" --trail-name "$arn" || true
            done <"$tmp/trails"
        fi
    fi
    # The rotations of clusters' encryption keys in CloudTrail's event history (RS-ATREST-012).
    save "$ct/lookup-events" aws cloudtrail lookup-events --region "$region" \
        --lookup-attributes AttributeKey=EventName,AttributeValue=RotateEncryptionKey \
        --start-time "$lookup_from" --end-time "$collected_epoch" || true
}

for region in $regions; do
    collect_region "$region"
done

# KMS keys last: the keys every region's resources name, each looked up once.
if [ -n "$kms_refs" ]; then
    printf '== KMS keys\n' >&2
    while IFS=$'\t' read -r ref_region ref; do
        if [ -n "$ref" ]; then collect_key "$ref_region" "$ref"; fi
    done <<EOF
$kms_refs
EOF
fi

# ---------------------------------------------------------------------------------------------------
# Summary

region_count=0
for r in $regions; do region_count=$((region_count + 1)); done
printf '\nrsaudit export of account %s written to %s\n' "$account" "$acct_dir"
printf '  regions:      %d (%s)\n' "$region_count" "$regions"
printf '  files:        %d\n' "$files"
printf '  failed calls: %d\n' "$failed"
if [ "$failed" -gt 0 ]; then
    printf '%s' "$failed_list"
fi
if [ "$query_failed" -gt 0 ]; then
    printf '  failed id look-ups: %d (what depends on them was not collected; see the warnings)\n' "$query_failed"
fi
printf 'Next: rsaudit scan --input %s\n' "$out"
if [ "$failed" -gt 0 ] || [ "$query_failed" -gt 0 ]; then
    exit 3
fi
exit 0
