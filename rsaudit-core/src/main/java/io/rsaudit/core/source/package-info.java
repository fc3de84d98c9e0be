/**
 * Sources that build an {@link io.rsaudit.core.model.Inventory}: the answers to the calls of
 * {@link io.rsaudit.core.source.AwsCliCall} (the table the layout, the collector script, the live collector and the IAM
 * policy are all checked against), read into the model.
 *
 * <p>In: an {@link io.rsaudit.core.source.Export}, where each call's answer comes from: a folder of AWS CLI JSON laid
 * out as {@code docs/input-layout.md} describes ({@link io.rsaudit.core.source.ExportFolder}, read by
 * {@link io.rsaudit.core.source.CliJsonSource}), or a live collection's SDK responses (rsaudit-aws). Out: an inventory
 * whose every value carries its provenance: the file and JSON pointer, or the API call and the pointer inside its
 * answer. {@link io.rsaudit.core.source.ExportSource} reads any export with one reader per service; each reader reads
 * {@link io.rsaudit.core.source.ResponseObject}s, whatever they are made of, and declares in a
 * {@link io.rsaudit.core.source.Projection} the members it reads, so that a file is parsed once, as a stream, and only
 * those members are kept.
 *
 * <p>Nothing here throws on bad input: a call without an answer is typed ({@link io.rsaudit.core.source.CallOutput.Cause}:
 * not collected, call failed, unreadable) and its values are unknown with the reason, bad files and fields become
 * {@link io.rsaudit.core.model.CollectionError}s, and everything else is still read.
 */
package io.rsaudit.core.source;
