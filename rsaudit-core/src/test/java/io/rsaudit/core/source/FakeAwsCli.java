package io.rsaudit.core.source;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake {@code aws} executable for testing the collector script without AWS and without the real CLI.
 *
 * <p>{@link #install} writes a bash script named {@code aws} into a directory meant to go first on PATH. Each
 * invocation appends its arguments to a log file and asks this object, over a loopback socket (bash's
 * {@code /dev/tcp}), what to answer. Answers come from canned JSON keyed by region, service, operation and the
 * resource argument ({@code --cluster-identifier}, {@code --parameter-group-name}, {@code --key-id},
 * {@code --name}, {@code --trail-name}, {@code --scheduled-action-name}); {@code --query} is evaluated on that JSON with {@link CliQuery} and
 * printed as the CLI's text output; {@code describe-security-groups --filters Name=group-id,Values=...} filters
 * the region's canned groups. A canned failure prints its message on stderr with its exit code. A call with no
 * canned answer fails (exit 255) and is remembered as unexpected.
 */
final class FakeAwsCli implements AutoCloseable {

    /** The options whose value names the resource of a per-resource call. */
    private static final List<String> RESOURCE_OPTIONS = List.of(
            "--cluster-identifier",
            "--parameter-group-name",
            "--key-id",
            "--name",
            "--trail-name",
            "--scheduled-action-name");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSON as the AWS CLI prints it (Python's {@code json.dumps(indent=4)}): {@code "Key": value}, {@code []}. */
    private static final DefaultPrettyPrinter CLI_STYLE = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"));

    /** One invocation of the fake: the arguments after {@code aws}. */
    record Invocation(List<String> args) {

        String service() {
            return positional().get(0);
        }

        String operation() {
            return positional().size() > 1 ? positional().get(1) : "";
        }

        /** The arguments that are not options or option values. */
        List<String> positional() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).startsWith("--")) {
                    i++;
                } else {
                    out.add(args.get(i));
                }
            }
            return out;
        }

        Optional<String> option(String name) {
            int i = args.indexOf(name);
            return i >= 0 && i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
        }

        String resource() {
            return RESOURCE_OPTIONS.stream()
                    .map(this::option)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse("");
        }

        @Override
        public String toString() {
            return "aws " + String.join(" ", args);
        }
    }

    private sealed interface Answer {}

    private record Json(JsonNode json) implements Answer {}

    private record Failure(int exitCode, String stderr) implements Answer {}

    private final Map<String, Answer> answers = new HashMap<>();
    private final List<Invocation> invocations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final Path dir;
    private final Path bin;
    private final Path log;
    private final ServerSocket server;
    private final Thread thread;
    private final AtomicInteger answerFiles = new AtomicInteger();

    private FakeAwsCli(Path dir) throws IOException {
        this.dir = dir;
        this.bin = Files.createDirectories(dir.resolve("bin"));
        this.log = dir.resolve("aws-calls.log");
        Files.createDirectories(dir.resolve("answers"));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "fake-aws");
        this.thread.setDaemon(true);
        this.thread.start();
        Path aws = bin.resolve("aws");
        Files.writeString(
                aws, """
                #!/usr/bin/env bash
                # Fake AWS CLI written by FakeAwsCli (rsaudit tests): never talks to AWS.
                printf '%s\\n' "aws $*" >>'LOG'
                exec 3<>/dev/tcp/127.0.0.1/PORT || { echo 'fake aws: the test is not listening' >&2; exit 199; }
                { for a in "$@"; do printf '%s\\n' "$a"; done; printf '\\036\\n'; } >&3
                IFS=$'\\t' read -r code out err <&3
                exec 3<&-
                cat "$out"
                cat "$err" >&2
                exit "$code"
                """.replace("LOG", log.toString()).replace("PORT", String.valueOf(server.getLocalPort())));
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Writes the fake {@code aws} into {@code dir/bin} and starts answering. */
    static FakeAwsCli install(Path dir) {
        try {
            return new FakeAwsCli(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder holding the fake {@code aws}: put it first on PATH. */
    Path bin() {
        return bin;
    }

    /** One line per invocation, as the fake script logged it. */
    Path log() {
        return log;
    }

    List<Invocation> invocations() {
        synchronized (invocations) {
            return List.copyOf(invocations);
        }
    }

    /** Calls no canned answer matched. */
    List<String> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    /**
     * Answers {@code aws SERVICE OPERATION} in {@code region} ({@code null}: any region or none, for the
     * account-wide calls; {@code ""}: only a call without {@code --region}) for {@code resource} ({@code null} for a call made once per region) with {@code json}; single
     * quotes in the text become double quotes.
     */
    FakeAwsCli answer(String region, String service, String operation, String resource, String json) {
        try {
            answers.put(key(region, service, operation, resource), new Json(JSON.readTree(json.replace('\'', '"'))));
        } catch (IOException e) {
            throw new UncheckedIOException("bad canned JSON for " + service + " " + operation, e);
        }
        return this;
    }

    /** Makes the call fail: {@code stderr} on standard error and the exit code, as the CLI does. */
    FakeAwsCli fail(String region, String service, String operation, String resource, int exitCode, String stderr) {
        answers.put(key(region, service, operation, resource), new Failure(exitCode, stderr));
        return this;
    }

    private static String key(String region, String service, String operation, String resource) {
        return (region == null ? "*" : region) + " " + service + " " + operation + " "
                + (resource == null ? "" : resource);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                List<String> args = new ArrayList<>();
                for (String line = in.readLine(); line != null && !line.equals("\u001e"); line = in.readLine()) {
                    args.add(line);
                }
                String reply = reply(new Invocation(List.copyOf(args)));
                OutputStream out = s.getOutputStream();
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException | RuntimeException e) {
                unexpected.add("fake aws failed: " + e);
            }
        }
    }

    private String reply(Invocation call) throws IOException {
        invocations.add(call);
        String stdout = "";
        String stderr = "";
        int code;
        try {
            Answer answer = find(call);
            if (answer == null) {
                unexpected.add(call.toString());
                stderr = "fake aws: no canned answer for: " + call + "\n";
                code = 255;
            } else if (answer instanceof Failure f) {
                stderr = f.stderr();
                code = f.exitCode();
            } else {
                JsonNode json = ((Json) answer).json();
                if (call.operation().equals("describe-security-groups")) {
                    json = filterGroups(call, json);
                }
                String output = call.option("--output").orElse("json");
                Optional<String> query = call.option("--query");
                if (query.isPresent()) {
                    json = CliQuery.search(query.get(), json);
                }
                if (output.equals("text")) {
                    stdout = CliQuery.text(json);
                } else if (output.equals("json")) {
                    stdout = JSON.writer(CLI_STYLE).writeValueAsString(json) + "\n";
                } else {
                    throw new IllegalArgumentException("unsupported --output " + output);
                }
                code = 0;
            }
        } catch (IllegalArgumentException e) {
            unexpected.add(call + ": " + e.getMessage());
            stderr = "fake aws: " + e.getMessage() + "\n";
            code = 252;
        }
        int n = answerFiles.incrementAndGet();
        Path out = dir.resolve("answers").resolve(n + ".out");
        Path err = dir.resolve("answers").resolve(n + ".err");
        Files.writeString(out, stdout);
        Files.writeString(err, stderr);
        return code + "\t" + out + "\t" + err + "\n";
    }

    private Answer find(Invocation call) {
        String region = call.option("--region").orElse("");
        String resource = call.resource();
        Answer a = answers.get(key(region, call.service(), call.operation(), resource));
        return a != null ? a : answers.get(key(null, call.service(), call.operation(), resource));
    }

    /** {@code --filters Name=group-id,Values=a,b}: the canned groups with those ids, in canned order. */
    private static JsonNode filterGroups(Invocation call, JsonNode all) {
        Optional<String> filters = call.option("--filters");
        if (filters.isEmpty()) {
            return all;
        }
        String f = filters.get();
        String prefix = "Name=group-id,Values=";
        if (!f.startsWith(prefix)) {
            throw new IllegalArgumentException("unsupported filter " + f);
        }
        Set<String> ids =
                new HashSet<>(Arrays.asList(f.substring(prefix.length()).split(",")));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode groups = out.putArray("SecurityGroups");
        for (JsonNode g : all.path("SecurityGroups")) {
            if (ids.contains(g.path("GroupId").asText())) {
                groups.add(g);
            }
        }
        return out;
    }

    /** The calls seen, by {@code service operation}, in order. */
    Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        invocations().forEach(i -> out.merge(i.service() + " " + i.operation(), 1, Integer::sum));
        return out;
    }

    @Override
    public void close() {
        try {
            server.close();
            thread.join(2000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
