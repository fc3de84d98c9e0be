/**
 * A local AWS simulator for tests and benchmarks: an HTTP server bound to 127.0.0.1 only, never to another
 * interface, that speaks the wire protocols the AWS SDK for Java v2 uses (AWS Query for Redshift and STS, the EC2
 * protocol, JSON 1.1 for KMS, CloudTrail, Redshift Serverless and Organizations) and answers from an export folder
 * in the offline layout ({@code docs/input-layout.md}); with {@link io.rsaudit.testkit.sim.SimLogData}, also S3
 * (REST-XML, path-style) and CloudWatch Logs (JSON 1.1) serving log files for hunt's inputs.
 *
 * <p>In: an export folder and {@link io.rsaudit.testkit.sim.SimOptions} (faults, latency, page sizes, seed). Out: an
 * {@link io.rsaudit.testkit.sim.AwsSimulator} with an endpoint to point SDK clients at, and the log of
 * {@link io.rsaudit.testkit.sim.SimRequest}s it answered; and {@link io.rsaudit.testkit.sim.KeyPolicies} and
 * {@link io.rsaudit.testkit.sim.KeyGrants}, the key policies KMS writes and the grants Redshift makes, which it serves
 * for a key the folder describes without a policy or grants and the estate generator writes. Response shapes are
 * derived from the SDK's own model
 * metadata ({@code sdkFields()} and their traits), never written per shape by hand. Identity comes from the SigV4
 * credential scope and the access key id {@code SIM<account>}; no signature is checked and no credential is kept.
 *
 * <p>Part of the test kit, never of the product jar: loading {@link io.rsaudit.testkit.sim.AwsSimulator} sets
 * JVM-wide properties of the JDK's HTTP server. It depends on rsaudit-core (the export layout) and the SDK's models,
 * not on rsaudit-aws, whose tests run the collector against it.
 */
package io.rsaudit.testkit.sim;
