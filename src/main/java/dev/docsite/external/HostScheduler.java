package dev.docsite.external;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs network tasks with at most {@code concurrency} at once and at most {@code perHost} per host.
 * A task starts only when both limits allow it, so a busy host never holds worker threads that other
 * hosts could use (no head-of-line blocking), and a host that answered 429 can be paused as a whole.
 * Delayed tasks (retries after backoff or Retry-After) wait on a timer, not on a worker.
 */
final class HostScheduler implements AutoCloseable {
    private final int concurrency, perHost;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Map<String, ArrayDeque<Runnable>> queues = new LinkedHashMap<>();
    private final Map<String, Integer> active = new HashMap<>();
    private final Map<String, Long> pausedUntil = new HashMap<>();
    private int running;

    HostScheduler(int concurrency, int perHost) {
        this.concurrency = Math.max(1, concurrency);
        this.perHost = Math.max(1, perHost);
        this.workers = Executors.newFixedThreadPool(this.concurrency, daemon("docsite-links"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("docsite-links-timer"));
    }

    /** Queues a task for {@code host}; it runs when a worker and a slot for the host are free. */
    synchronized void submit(String host, Runnable task) {
        queues.computeIfAbsent(host, h -> new ArrayDeque<>()).add(task);
        pump();
    }

    /** Queues a task after a delay (the task does not hold any slot while it waits). */
    void submitLater(String host, Runnable task, long delayMs) {
        if (delayMs <= 0) submit(host, task);
        else schedule(() -> submit(host, task), delayMs);
    }

    /** Starts no new task for {@code host} until {@code delayMs} from now (e.g. the server's Retry-After). */
    synchronized void pause(String host, long delayMs) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
        pausedUntil.merge(host, until, Math::max);
        schedule(this::wake, delayMs);
    }

    /** After close (the run's deadline passed) nothing new is scheduled; the run has already reported what is left. */
    private void schedule(Runnable r, long delayMs) {
        try {
            timer.schedule(r, delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed
        }
    }

    private synchronized void wake() { pump(); }

    private void pump() {
        if (running >= concurrency || queues.isEmpty()) return;
        long now = System.nanoTime();
        // One pass per free slot over the hosts in turn, so every host gets its share.
        boolean started = true;
        while (running < concurrency && started) {
            started = false;
            for (Iterator<Map.Entry<String, ArrayDeque<Runnable>>> it = queues.entrySet().iterator(); it.hasNext() && running < concurrency; ) {
                Map.Entry<String, ArrayDeque<Runnable>> e = it.next();
                String host = e.getKey();
                Long paused = pausedUntil.get(host);
                if (paused != null) {
                    if (paused - now > 0) continue;
                    pausedUntil.remove(host);
                }
                if (active.getOrDefault(host, 0) >= perHost) continue;
                Runnable task = e.getValue().poll();
                if (e.getValue().isEmpty()) it.remove();
                if (task == null) continue;
                active.merge(host, 1, Integer::sum);
                running++;
                started = true;
                try {
                    workers.execute(() -> runAndRelease(host, task));
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    return;   // closed (the run's deadline passed): nothing more is started
                }
            }
        }
    }

    private void runAndRelease(String host, Runnable task) {
        try {
            task.run();
        } finally {
            synchronized (this) {
                running--;
                if (active.merge(host, -1, Integer::sum) <= 0) active.remove(host);
                pump();
            }
        }
    }

    @Override public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
