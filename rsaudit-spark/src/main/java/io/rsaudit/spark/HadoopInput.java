package io.rsaudit.spark;

import io.rsaudit.core.hunt.read.LogInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A file read through Hadoop's file systems ({@code s3://} on EMR and Glue, {@code s3a://} elsewhere,
 * {@code hdfs://}, {@code file:}); named by its URI as listed, which is where core's reader reads the log type,
 * account, region and cluster from.
 */
final class HadoopInput implements LogInput {

    private final String name;
    private final long size;
    private final Configuration conf;

    HadoopInput(String name, long size, Configuration conf) {
        this.name = name;
        this.size = size;
        this.conf = conf;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    @Override
    public InputStream open() throws IOException {
        Path p = new Path(URI.create(name));
        return FileSystem.get(p.toUri(), conf).open(p);
    }
}
