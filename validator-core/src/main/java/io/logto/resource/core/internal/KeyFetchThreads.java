package io.logto.resource.core.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that asynchronous verifications wait on when keys must be fetched, so an event loop never
 * does: a fixed number of daemon threads (none while idle), a bounded queue, and no blocking when full
 * ({@link #submit} answers false and the caller refuses the token as keys unavailable).
 */
public final class KeyFetchThreads implements AutoCloseable {

    /** Threads that may wait at once: one fetches, the other serves requests the fetch already answered. */
    public static final int THREADS = 2;
    /** Requests that may wait for a fetch; beyond that they are answered KEYS_UNAVAILABLE at once. */
    public static final int QUEUE_CAPACITY = 1024;
    /** Thread name prefix, so tests and thread dumps can tell these threads apart. */
    public static final String THREAD_NAME_PREFIX = "logto-jwks-wait-";

    private final ThreadPoolExecutor executor;

    /** Creates the pool; threads start on the first submission and end after 30 s idle. */
    public KeyFetchThreads() {
        executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), NimbusKeys.daemonThreads(THREAD_NAME_PREFIX),
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues a task without ever blocking.
     *
     * @param task the task
     * @return false when the queue is full or the pool is closed (the task will not run)
     */
    public boolean submit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Stops the pool: queued tasks never run, running ones are interrupted (a fetch in progress still ends
     * within its connect and read timeouts, then its thread exits).
     */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
