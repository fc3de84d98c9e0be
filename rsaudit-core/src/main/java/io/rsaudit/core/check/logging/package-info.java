/**
 * Checks of audit trails: Redshift audit logging of clusters (enabled, which logs, user activity, delivery health),
 * log exports of serverless namespaces, and the account's CloudTrail coverage of management events.
 */
package io.rsaudit.core.check.logging;
