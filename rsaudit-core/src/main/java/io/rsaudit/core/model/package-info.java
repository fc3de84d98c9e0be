/**
 * The normalized inventory of a Redshift estate: records only, no behaviour beyond small derivations.
 *
 * <p>In: values built by a {@code source} adapter (AWS CLI JSON today; SDK and IaC later). Out: an
 * {@link io.rsaudit.core.model.Inventory} that checks read. Every field a check reads is a
 * {@link io.rsaudit.core.model.Value}: it knows whether it is known, defaulted (absent, AWS default applied)
 * or unknown (not collected, call failed, bad input), and where it came from. Problems met while building
 * the inventory are data too: {@link io.rsaudit.core.model.CollectionError}.
 */
package io.rsaudit.core.model;
