/**
 * Checks of the built-in admin user of clusters and serverless namespaces: a name an attacker cannot guess, and a
 * password that Secrets Manager generates and rotates.
 */
package io.rsaudit.core.check.access;
