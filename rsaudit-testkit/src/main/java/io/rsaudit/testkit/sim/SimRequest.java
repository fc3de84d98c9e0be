package io.rsaudit.testkit.sim;

/**
 * One request the simulator answered.
 *
 * @param service the SigV4 signing name: {@code redshift}, {@code ec2}, {@code redshift-serverless}...
 * @param operation the API operation: {@code DescribeClusters}
 * @param account the 12-digit account of the access key, or {@code ""} when the request carried none
 * @param region the region of the credential scope
 * @param outcome {@code OK}, or the error code answered ({@code Throttling}, {@code AccessDenied}...)
 */
public record SimRequest(String service, String operation, String account, String region, String outcome) {

    public static final String OK = "OK";

    public boolean ok() {
        return OK.equals(outcome);
    }

    /** The IAM action the request needed: {@code redshift:DescribeClusters}. */
    public String iamAction() {
        return service + ":" + operation;
    }
}
