package io.rsaudit.aws;

import io.rsaudit.core.source.AwsCliCall;

/**
 * An AWS API operation as IAM names it: {@code redshift:DescribeClusters}.
 *
 * @param service the IAM service prefix ({@code redshift-serverless}, {@code ec2}...)
 * @param operation the API operation ({@code DescribeClusters})
 */
public record Action(String service, String operation) {

    static final Action ASSUME_ROLE = new Action("sts", "AssumeRole");
    static final Action DESCRIBE_REGIONS = new Action("ec2", "DescribeRegions");
    static final Action LIST_ACCOUNTS = new Action("organizations", "ListAccounts");

    /** The action of a call of the export table (its IAM action is its service prefix and operation). */
    static Action of(AwsCliCall call) {
        String iam = call.iamAction();
        return new Action(call.service(), iam.substring(iam.indexOf(':') + 1));
    }

    public String iam() {
        return service + ":" + operation;
    }

    @Override
    public String toString() {
        return iam();
    }
}
