package io.rsaudit.core.model;

/**
 * An account this one lets create Redshift-managed VPC endpoints to one of its clusters
 * ({@code DescribeEndpointAuthorization}, as grantor): a network path into the cluster from that account's VPCs.
 *
 * @param scope the cluster's account and region
 * @param clusterIdentifier the cluster the access is to
 * @param grantee the account granted the access, where in the answer it was read
 */
public record EndpointAuthorization(Scope scope, String clusterIdentifier, Value<String> grantee) {}
