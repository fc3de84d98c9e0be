package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.parallel.Futures;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reads logs into events: each input is opened, told plain or gzip by its first bytes, typed by its name (or
 * {@code --type}, or for CloudTrail by its content), and streamed through its format's parser. Files are read in
 * parallel on {@link ReadOptions#parallelism()} threads, each file by one thread; when that leaves processors idle,
 * a line-format file's thread reads and inflates it while workers parse batches of its lines ({@link LineBatches},
 * with the result one thread gives), and files read in turn share the workers ({@link Handoff}). The summary lists
 * problems in input order whatever the thread timing, so runs are repeatable.
 */
public final class LogReader {

    /** The name of the file workers' threads. */
    static final String WORKER_THREAD = "rsaudit-parse";
    /** Problems whose details are kept per file; the rest are counted. */
    public static final int PROBLEMS_PER_FILE = 100;

    private static final int BUFFER = 1 << 16;
    private static final int SNIFF = 1 << 16;
    /** The first name of a CloudWatch Logs subscription envelope ({@link CloudWatchEnvelopes}). */
    private static final byte[] ENVELOPE = "\"messageType\"".getBytes(StandardCharsets.US_ASCII);

    private static final byte[][] CLOUDTRAIL_NAMES = {
        "\"Records\"".getBytes(StandardCharsets.US_ASCII),
        "\"CloudTrailEvent\"".getBytes(StandardCharsets.US_ASCII),
        "\"eventVersion\"".getBytes(StandardCharsets.US_ASCII)
    };

    private LogReader() {}

    /**
     * Reads every input, handing events to {@code sink} as they are parsed. Never throws for bad content; throws
     * only what the sink throws (wrapped when it is checked) and {@link InterruptedException} as an unchecked
     * {@link IllegalStateException} when interrupted.
     */
    public static ReadSummary read(List<LogInput> inputs, ReadOptions given, EventSink sink) {
        List<FileRead> done = new ArrayList<>(inputs.size());
        boolean serial = given.parallelism() == 1 || inputs.size() < 2;
        int fileThreads = serial ? 1 : Math.min(given.parallelism(), inputs.size());
        boolean withWorkers = fileWorkers(given, fileThreads);
        int processors = Runtime.getRuntime().availableProcessors();
        ReadOptions options = given.withMaxRecordBytes(maxRecordBytes(
                given.maxRecordBytes(),
                Runtime.getRuntime().maxMemory(),
                fileThreads + (withWorkers ? Math.max(1, processors - 1) : 0)));
        ThreadPoolExecutor workers = withWorkers ? workers(processors) : null;
        try {
            readAll(inputs, options, serial, workers, sink, done);
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
        return summarize(done);
    }

    /**
     * The largest record read whole: the maximum asked for, or less when the heap cannot hold a record of that size on
     * each thread that parses at once, a record needing up to {@link ReadOptions#RECORD_MEMORY_MULTIPLE} times its size
     * while it is read, redacted and judged. A larger record is reported as oversized and skipped, not held: one record
     * cannot exhaust the heap.
     */
    static int maxRecordBytes(int asked, long heapBytes, int parsingThreads) {
        long fits = heapBytes / ((long) ReadOptions.RECORD_MEMORY_MULTIPLE * Math.max(1, parsingThreads));
        return (int) Math.max(64, Math.min(asked, fits));
    }

    /**
     * One worker fewer than processors, and a short queue: when the workers are behind, a file's thread parses the
     * next batch itself. With a worker per processor the file's thread, the only one that reads and inflates, got
     * a fair share of a core it needed whole, and two cores did 1.2 times the work of one. A queue of 4 batches
     * keeps a worker busy while the file's thread parses one itself; with 2 the worker ran dry (gzip on two cores,
     * runs alternated in one JVM: 0.678x against 0.698x inflate).
     */
    static ThreadPoolExecutor workers(int processors) {
        int n = Math.max(1, processors - 1);
        return new ThreadPoolExecutor(
                n,
                n,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(4),
                daemon(WORKER_THREAD),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void readAll(
            List<LogInput> inputs,
            ReadOptions options,
            boolean serial,
            ThreadPoolExecutor workers,
            EventSink sink,
            List<FileRead> done) {
        if (serial) {
            done.addAll(readInTurn(inputs, options, workers, sink));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(
                    Math.min(options.parallelism(), inputs.size()), daemon("rsaudit-read"));
            try {
                List<Future<FileRead>> futures = new ArrayList<>(inputs.size());
                for (LogInput input : inputs) {
                    futures.add(pool.submit(() ->
                            readInTurn(List.of(input), options, workers, sink).get(0)));
                }
                for (Future<FileRead> f : futures) {
                    done.add(Futures.await(f, "reading logs"));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Whether the line-format inputs of a read with {@code fileThreads} files at once are parsed by workers (see
     * {@link ReadOptions.FileWorkers}); public so that a benchmark can say what it measured.
     */
    public static boolean fileWorkers(ReadOptions options, int fileThreads) {
        return switch (options.fileWorkers()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> fileThreads < Runtime.getRuntime().availableProcessors();
        };
    }

    /**
     * Reads {@code inputs} one after another on this thread, with {@code workers} parsing their batches of lines
     * when not {@code null}: through one {@link Handoff}, so that the next file is read while the workers finish
     * the last. A CloudTrail file, which cannot be cut into batches, is then read whole by a worker (or by this
     * thread when the workers are behind) while this thread reads on, when there is a next file.
     */
    private static List<FileRead> readInTurn(
            List<LogInput> inputs, ReadOptions options, ThreadPoolExecutor workers, EventSink sink) {
        Handoff handoff = workers == null ? null : new Handoff(workers);
        List<FileRead> files = new ArrayList<>(inputs.size());
        try {
            for (int k = 0; k < inputs.size(); k++) {
                LogInput input = inputs.get(k);
                boolean readOn = k + 1 < inputs.size();
                if (handoff != null && readOn && fromName(input, options).type() == LogType.CLOUDTRAIL) {
                    int slot = files.size();
                    files.add(null);
                    handoff.batch(() -> {
                        FileRead file = readOne(input, options, null, sink);
                        return () -> files.set(slot, file);
                    });
                } else {
                    files.add(readOne(input, options, handoff, sink));
                }
            }
            if (handoff != null) {
                handoff.drain();
            }
        } catch (RuntimeException | Error e) {
            // the sink or a parser threw: what is still being parsed is not wanted
            if (handoff != null) {
                handoff.abort();
            }
            throw e;
        }
        return files;
    }

    /** What an input's name (or {@code --type}) tells of it. */
    private static LogFileName fromName(LogInput input, ReadOptions options) {
        return typed(named(input), options);
    }

    /** What an input's name and what it knows of itself tell of it, {@code --type} aside. */
    private static LogFileName named(LogInput input) {
        return LogFileName.of(input.name()).with(input.known());
    }

    private static LogFileName typed(LogFileName named, ReadOptions options) {
        return options.type() == null ? named : named.withType(options.type());
    }

    /**
     * {@code handoff}: where a line format's batches go to be parsed, or {@code null} to parse on this thread. The
     * file is finished (its last problems added) once its batches have been handed on: after this returns when
     * they are still pending.
     */
    private static FileRead readOne(LogInput input, ReadOptions options, Handoff handoff, EventSink sink) {
        String name = input.name();
        LogFileName named = named(input);
        LogFileName fromName = typed(named, options);
        FileRead file = new FileRead(name, fromName, options, sink);
        file.skipReason = LogFileName.holdsNoRecords(name);
        if (file.skipReason != null) {
            return file;
        }
        if (file.type != null) {
            file.skipReason = skippedByName(file, options);
            if (file.skipReason != null) {
                return file;
            }
        }
        CountingInputStream stored = null;
        try {
            stored = new CountingInputStream(input.open());
            PushbackInputStream head = new PushbackInputStream(stored, 2);
            byte[] magic = head.readNBytes(2);
            head.unread(magic);
            boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            InputStream in = head;
            if (gzip) {
                try {
                    in = GzipMembers.of(head, BUFFER);
                } catch (IOException e) {
                    file.problem(1, ReadProblem.Kind.TRUNCATED_GZIP, "corrupt gzip header: " + e.getMessage());
                    return file;
                }
            }
            CountingInputStream decoded = new CountingInputStream(in);
            InputStream content = decoded;
            LogType type = file.type;
            if (named.type() == null) {
                // a name that says no type: CloudWatch envelopes (their groups say it), else --type or CloudTrail
                BufferedInputStream sniff = new BufferedInputStream(decoded, SNIFF);
                content = sniff;
                if (envelopes(sniff)) {
                    new CloudWatchEnvelopes(file).read(sniff, gzip);
                    file.decodedBytes = decoded.count;
                    return file;
                }
            }
            if (type == null) {
                BufferedInputStream sniff = (BufferedInputStream) content; // the name said no type either
                if (looksLikeCloudTrail(sniff)) {
                    type = LogType.CLOUDTRAIL;
                    file = new FileRead(name, fromName.withType(type), options, sink);
                } else {
                    file.problem(
                            0,
                            ReadProblem.Kind.UNKNOWN_TYPE,
                            "cannot tell the log type of " + name
                                    + ": name it as Redshift does (<account>_redshift_<region>_<cluster>_<logtype>_"
                                    + "<YYYY-MM-DDTHH:MM>.gz) or pass --type");
                    file.skipReason = "unknown-type";
                    return file;
                }
            }
            parse(type, content, gzip, file, handoff);
            file.decodedBytes = decoded.count;
        } catch (IOException e) {
            file.problem(0, ReadProblem.Kind.UNREADABLE, "cannot read " + name + ": " + e);
            file.skipReason = "unreadable";
        } finally {
            if (stored != null) {
                file.bytes = stored.count;
                try {
                    stored.close();
                } catch (IOException ignored) {
                    // everything needed was read; a failing close changes nothing in the result
                }
            }
            if (handoff == null) {
                file.finish();
            } else {
                handoff.then(file::finish);
            }
        }
        return file;
    }

    /**
     * Parses {@code content} as {@code type} into {@code file}: {@code handoff}, where a line format's batches go to be
     * parsed, or {@code null} to parse on this thread.
     */
    static void parse(LogType type, InputStream content, boolean gzip, FileRead file, Handoff handoff) {
        LineBatches.Format format = switch (type) {
            case CONNECTION_LOG -> ConnectionLogParser.FORMAT;
            case USER_LOG -> UserLogParser.FORMAT;
            case USER_ACTIVITY_LOG -> UserActivityLogParser.FORMAT;
            case CLOUDTRAIL -> null;
        };
        if (format == null) {
            new CloudTrailParser(file).read(content, gzip);
        } else if (handoff == null) {
            LineReader.read(
                    content,
                    file.options.maxRecordBytes(),
                    gzip,
                    file::problem,
                    format.parser().apply(file));
        } else {
            LineBatches.read(content, gzip, file, format, handoff);
        }
    }

    /** CloudWatch Logs' subscription envelopes: an object whose first name is {@code "messageType"}. */
    private static boolean envelopes(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(256);
        in.reset();
        int i = skipBlanks(head, 0);
        if (i == head.length || head[i] != '{') {
            return false;
        }
        i = skipBlanks(head, i + 1);
        return i + ENVELOPE.length <= head.length
                && java.util.Arrays.equals(head, i, i + ENVELOPE.length, ENVELOPE, 0, ENVELOPE.length);
    }

    private static int skipBlanks(byte[] b, int from) {
        int i = from;
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * CloudTrail content: JSON (an object or an array) whose first 64 KiB name {@code "Records"}, lookup-events'
     * {@code "CloudTrailEvent"} or a record's {@code "eventVersion"} (records one after another, an array of them).
     */
    private static boolean looksLikeCloudTrail(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        int i = skipBlanks(head, 0);
        if (i == head.length || head[i] != '{' && head[i] != '[') {
            return false;
        }
        for (int j = i; j < head.length; j++) {
            if (head[j] == '"') {
                for (byte[] name : CLOUDTRAIL_NAMES) {
                    if (j + name.length <= head.length
                            && java.util.Arrays.equals(head, j, j + name.length, name, 0, name.length)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The filter the name puts the whole file outside of, or {@code null}. */
    private static String skippedByName(FileRead file, ReadOptions options) {
        return new Narrowing(options).reason(file.account, file.region, file.cluster, file.nameTime);
    }

    private static ReadSummary summarize(List<FileRead> done) {
        long files = 0;
        Map<String, Long> skipped = new LinkedHashMap<>();
        long bytes = 0;
        long decoded = 0;
        long records = 0;
        long events = 0;
        long malformed = 0;
        long problemCount = 0;
        long[] filtered = new long[FileRead.FILTER_REASONS.length];
        Instant first = null;
        Instant last = null;
        Map<LogType, Long> perType = new EnumMap<>(LogType.class);
        List<ReadProblem> problems = new ArrayList<>();
        for (FileRead f : done) {
            String skip = skipReason(f);
            if (skip != null) {
                skipped.merge(skip, 1L, Long::sum);
            } else {
                files++;
            }
            bytes += f.bytes;
            decoded += f.decodedBytes;
            records += f.records;
            events += f.events;
            malformed += f.malformed;
            problemCount += f.problemCount;
            for (int i = 0; i < filtered.length; i++) {
                filtered[i] += f.filtered[i];
            }
            if (f.first() != null && (first == null || f.first().isBefore(first))) {
                first = f.first();
            }
            if (f.last() != null && (last == null || f.last().isAfter(last))) {
                last = f.last();
            }
            if (f.type != null && f.records > 0) {
                perType.merge(f.type, f.records, Long::sum);
            }
            f.partRecords.forEach((type, n) -> perType.merge(type, n, Long::sum));
            problems.addAll(f.problems);
        }
        Map<String, Long> filteredByReason = new LinkedHashMap<>();
        for (int i = 0; i < filtered.length; i++) {
            if (filtered[i] > 0) {
                filteredByReason.put(FileRead.FILTER_REASONS[i], filtered[i]);
            }
        }
        return new ReadSummary(
                files,
                skipped,
                Map.of(),
                bytes,
                decoded,
                records,
                events,
                filteredByReason,
                malformed,
                first,
                last,
                perType,
                problemCount,
                problems);
    }

    /** Why a file was not read at all, or {@code null} when it was. */
    private static String skipReason(FileRead f) {
        return f.skipReason;
    }

    /** Counts the bytes that pass, for the summary's stored and decoded sizes. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(n);
            count += s;
            return s;
        }
    }
}
