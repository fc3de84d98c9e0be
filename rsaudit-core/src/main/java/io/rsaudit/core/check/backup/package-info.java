/**
 * Checks of backups: automated snapshots and their retention, manual snapshots that are kept forever or outlive
 * their cluster, who may restore a snapshot (other accounts, AWS Support), and where cross-region copies take
 * the data (data residency).
 */
package io.rsaudit.core.check.backup;
