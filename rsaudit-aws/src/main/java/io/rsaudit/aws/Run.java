package io.rsaudit.aws;

import io.rsaudit.core.source.AwsCliCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The shared state of one collection: options, clients, scheduler, where the answers go, the counters progress shows,
 * and the problems that have no place in the layout (no account to file them under).
 */
final class Run implements AutoCloseable {

    final LiveOptions options;
    final LiveCollector.Extent extent;
    final CallSink sink;
    final ErrorText errorText = new ErrorText();
    final Scheduler scheduler;
    final Clients clients;
    /** When the collection began: each account's collection time, and the end of its CloudTrail lookups. */
    final Instant startedAt;

    private final long started = System.nanoTime();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger scopesTotal = new AtomicInteger();
    private final AtomicInteger scopesDone = new AtomicInteger();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Keys> keys = new ConcurrentHashMap<>();
    private final List<CompletableFuture<Void>> lanes = Collections.synchronizedList(new ArrayList<>());

    Run(LiveOptions options, LiveCollector.Extent extent, CallSink sink, Instant startedAt) {
        this.options = options;
        this.extent = extent;
        this.startedAt = startedAt;
        this.sink = sink;
        this.scheduler = new Scheduler(options.concurrency(), failures::add);
        List<ExecutionInterceptor> interceptors = new ArrayList<>(options.interceptors());
        interceptors.add(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.incrementAndGet();
            }
        });
        this.clients = new Clients(options, errorText, interceptors);
    }

    /**
     * Makes a call of the export table in {@code lane}: every page, then all of them to the sink, or, when any page
     * fails, the failure and no page (a list read in part is never handed on as if whole).
     *
     * @return the pages, or {@code null} when the call failed (its error is filed)
     */
    <R extends SdkPojo> CompletableFuture<List<R>> call(
            Scheduler.Lane lane,
            String account,
            String region,
            AwsCliCall call,
            String resource,
            Supplier<? extends Iterable<R>> pages) {
        return lane.submit(resource == null ? Scheduler.Order.LIST : Scheduler.Order.PER_RESOURCE, () -> {
            try {
                List<R> all = new ArrayList<>();
                for (R page : pages.get()) {
                    all.add(page);
                }
                answered(account, region, call, resource, all);
                return all;
            } catch (SdkException e) {
                failed(account, region, call, resource, errorText.of(Action.of(call), account, region, e), e);
                return null;
            } finally {
                changed();
            }
        });
    }

    /** A call answered: to the sink, and counted. */
    void answered(String account, String region, AwsCliCall call, String resource, List<? extends SdkPojo> pages) {
        sink.answered(account, region, call, resource, pages);
        answered.incrementAndGet();
    }

    /**
     * A call failed ({@code e}, when AWS answered, gives the request id), or was not made: to the sink, and
     * counted.
     */
    void failed(String account, String region, AwsCliCall call, String resource, String text, Throwable e) {
        sink.failed(account, region, call, resource, text, e == null ? null : ErrorText.requestId(e));
        failed.incrementAndGet();
    }

    /** The account's region list could not be read: to the sink, and counted as a failed call. */
    void regionsFailed(String account, String text) {
        sink.regionsFailed(account, text);
        failed.incrementAndGet();
    }

    long answered() {
        return answered.get();
    }

    long failed() {
        return failed.get();
    }

    /**
     * Runs {@code next} with the value of {@code f} once it is there, unless the call it stands for failed (its
     * error is filed already). A bug in {@code next} is kept for {@link #failures()}, never swallowed.
     */
    <T> void then(CompletableFuture<T> f, java.util.function.Consumer<T> next) {
        f.thenAccept(v -> {
                    if (v != null) {
                        next.accept(v);
                    }
                })
                .exceptionally(e -> {
                    failures.add(e);
                    return null;
                });
    }

    /** Whatever went wrong in rsaudit itself (not in AWS): the collection cannot be trusted if any. */
    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** A problem no file of the layout can hold (the account is unknown): reported beside the export. */
    void problem(String message) {
        problems.add(errorText.redact(message));
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** An account-region whose calls are under way; counted done when its lane is. */
    Scheduler.Lane scope() {
        scopesTotal.incrementAndGet();
        Scheduler.Lane lane = scheduler.lane(options.perRegion());
        lanes.add(lane.done().thenRun(() -> {
            scopesDone.incrementAndGet();
            changed();
        }));
        return lane;
    }

    /** Work that is not an account-region's (accounts, regions, identities); waited for like the scopes. */
    Scheduler.Lane side() {
        Scheduler.Lane lane = scheduler.lane(options.perRegion());
        lanes.add(lane.done());
        return lane;
    }

    /** Waits until every lane opened so far, and every lane they opened meanwhile, is done. */
    void awaitAll() {
        int seen = 0;
        while (true) {
            List<CompletableFuture<Void>> now;
            synchronized (lanes) {
                now = List.copyOf(lanes);
            }
            if (now.size() == seen && now.stream().allMatch(CompletableFuture::isDone)) {
                return;
            }
            seen = now.size();
            CompletableFuture.allOf(now.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** Each account's key cache. */
    Map<String, Keys> keys() {
        return keys;
    }

    long calls() {
        return calls.get();
    }

    int scopes() {
        return scopesTotal.get();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    Progress.Status status(boolean finished) {
        return new Progress.Status(scopesDone.get(), scopesTotal.get(), calls.get(), failed.get(), elapsed(), finished);
    }

    void changed() {
        options.progress().changed(status(false));
    }

    @Override
    public void close() {
        scheduler.close();
        clients.close();
    }
}
