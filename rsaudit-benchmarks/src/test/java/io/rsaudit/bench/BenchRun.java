package io.rsaudit.bench;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of {@code rsaudit-bench}: exit code, stdout, stderr. */
record BenchRun(int code, String out, String err) {

    static BenchRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new BenchRun(code, out.toString(), err.toString());
    }
}
