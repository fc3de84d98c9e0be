/** Checks of encryption in transit: TLS required on clusters and workgroups, FIPS where the policy asks. */
package io.rsaudit.core.check.transit;
