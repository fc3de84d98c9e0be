package io.rsaudit.spark;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * What a read task hands on besides matches: its index (file order), what it read, the engine output of the
 * single-record rules, and the files it read (for the incremental state).
 */
record PartResult(int part, ReadData read, EngineOutput singles, ArrayList<FileRef> files) implements Serializable {}
