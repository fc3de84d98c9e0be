package io.rsaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rsaudit bench}: placeholder, replaced below. */
@Command(name = "bench", hidden = true)
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
