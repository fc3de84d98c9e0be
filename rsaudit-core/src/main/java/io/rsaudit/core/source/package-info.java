/**
 * Sources that build an {@link io.rsaudit.core.model.Inventory} from files.
 *
 * <p>In: a directory of AWS CLI JSON output laid out as {@code docs/input-layout.md} describes (the
 * {@link io.rsaudit.core.source.AwsCliCall} table is the layout's single source of truth). Out: an inventory
 * whose every value carries its file and JSON pointer. Nothing here throws on bad input: absent files become
 * unknown values naming the file, bad files and fields become {@link io.rsaudit.core.model.CollectionError}s,
 * and everything else is still read.
 */
package io.rsaudit.core.source;
