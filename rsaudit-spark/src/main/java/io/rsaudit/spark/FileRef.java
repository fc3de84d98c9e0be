package io.rsaudit.spark;

import java.io.Serializable;

/**
 * One input file: its name as reports show it (a local path as given, or a URI such as {@code s3://bucket/key}),
 * whether it is read through Hadoop's file systems (a URI) or the local one, and its size as listed.
 */
record FileRef(String name, boolean hadoop, long size) implements Serializable {}
