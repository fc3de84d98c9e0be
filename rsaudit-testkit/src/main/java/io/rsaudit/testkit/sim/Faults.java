package io.rsaudit.testkit.sim;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transient faults (throttling, 500, 503) of {@link SimOptions}, decided per request without shared random
 * state: the draw is a function of the seed, the request and how many times the same request came before, so the
 * faults do not depend on the order in which concurrent requests arrive.
 */
final class Faults {

    private final SimOptions options;
    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

    /** How often one request has been made, and how many of its latest attempts failed in a row. */
    private static final class Streak {
        long attempts;
        int faultsInARow;
    }

    Faults(SimOptions options) {
        this.options = options;
    }

    /** The fault to answer the request with, or {@code null}. */
    AwsError transientFault(SimService service, String request) {
        if (options.throttleRate() == 0 && options.serverErrorRate() == 0) {
            return null;
        }
        Streak s = streaks.computeIfAbsent(request, k -> new Streak());
        synchronized (s) {
            long attempt = s.attempts++;
            if (s.faultsInARow >= options.maxFaultsInARow()) {
                s.faultsInARow = 0;
                return null;
            }
            SplittableRandom draw = new SplittableRandom(
                    options.seed() * 0x9E3779B97F4A7C15L + fingerprint(request) + attempt * 0xBF58476D1CE4E5B9L);
            double r = draw.nextDouble();
            AwsError fault = r < options.throttleRate()
                    ? service.throttling()
                    : r < options.throttleRate() + options.serverErrorRate()
                            ? service.serverError(draw.nextBoolean())
                            : null;
            s.faultsInARow = fault == null ? 0 : s.faultsInARow + 1;
            return fault;
        }
    }

    /** A 64-bit FNV-1a of the request: String.hashCode's 32 bits collide too easily across many requests. */
    private static long fingerprint(String request) {
        long h = 0xcbf29ce484222325L;
        for (byte b : request.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
