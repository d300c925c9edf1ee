package se.medborgardialog.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes what callers hand it in batches, on one background thread: whatever arrived while the previous batch was
 * being written goes out in the next call, at most {@code maxBatch} items at a time. Under load that turns one store
 * round trip per item into one per batch; when idle an item is written as soon as it arrives (or after the optional
 * gathering time).
 *
 * <p>A batch that cannot be written is either dropped (the caller has another way to get the work done, e.g. an outbox
 * relay that sends the event again) or, if built {@link Builder#retryingAfter retrying}, put back and tried again after
 * a pause. Either way {@link Builder#whenNotWritten} hears of it, and {@link Builder#whenWritten} of every batch
 * written.
 *
 * <p>{@link #close()} stops the thread and writes what is still queued on the caller's thread, once; after that,
 * {@link #add} writes on the caller's thread, so nothing handed over is silently left behind.
 *
 * @param <T> what is written (an event id, a key, a mark)
 */
public final class BatchedWriter<T> implements AutoCloseable {

    /** How often an idle or gathering writer looks whether it was closed. */
    private static final long IDLE_CHECK_MS = 100;

    /** Told of a batch that could not be written, and whether it will be tried again. Called on the writing thread. */
    @FunctionalInterface
    public interface Failure<T> {

        void notWritten(List<T> batch, RuntimeException failure, boolean willRetry);
    }

    private final Consumer<List<T>> sink;
    private final int maxBatch;
    private final Duration gathering;
    private final Duration retryPause;
    private final Consumer<List<T>> written;
    private final Failure<T> failed;
    private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final Thread thread;
    /** Counted down by {@link #close()}: ends a retry pause at once. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean closed;

    private BatchedWriter(Builder<T> builder) {
        this.sink = builder.sink;
        this.maxBatch = builder.maxBatch;
        this.gathering = builder.gathering;
        this.retryPause = builder.retryPause;
        this.written = builder.written;
        this.failed = builder.failed;
        this.thread = new Thread(this::run, builder.threadName);
        this.thread.setDaemon(true);
    }

    /** @param sink writes one batch (one bulk store call); throws if it could not */
    public static <T> Builder<T> writingWith(Consumer<List<T>> sink) {
        return new Builder<>(sink);
    }

    /** Queues an item for the next batch; once closed, writes it at once on this thread. */
    public void add(T item) {
        queue.add(Objects.requireNonNull(item));
        if (closed) {
            flush();
        }
    }

    /** @return whether {@link #close()} was called: items are now written on the caller's thread */
    public boolean isClosed() {
        return closed;
    }

    /** @return items handed over and not yet written (nor dropped) */
    public int queued() {
        return queue.size();
    }

    /** Writes everything queued so far on this thread, one attempt per batch (a failure is reported, not retried). */
    public void flush() {
        writing.lock();
        try {
            List<T> batch = new ArrayList<>();
            while (queue.drainTo(batch, maxBatch) > 0) {
                write(batch, false);
                batch = new ArrayList<>();
            }
        } finally {
            writing.unlock();
        }
    }

    /**
     * Stops the background thread (waiting up to 10 s for a batch being written; a write is never interrupted) and
     * writes what is left.
     */
    @Override
    public void close() {
        closed = true;
        closing.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private void run() {
        try {
            while (!closed) {
                T first = queue.poll(IDLE_CHECK_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<T> batch = new ArrayList<>();
                batch.add(first);
                gather(batch);
                boolean written;
                writing.lock();
                try {
                    queue.drainTo(batch, maxBatch - batch.size());
                    written = write(batch, retryPause != null);
                } finally {
                    writing.unlock();
                }
                if (!written && retryPause != null) {
                    closing.await(retryPause.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException notExpected) {
            // nobody interrupts this thread but the JVM at exit; what is queued stays for close()
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to the gathering time for more items, unless the batch fills first or the writer is closed. */
    private void gather(List<T> batch) throws InterruptedException {
        long deadline = System.nanoTime() + gathering.toNanos();
        while (batch.size() < maxBatch && !closed) {
            queue.drainTo(batch, maxBatch - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= maxBatch || left <= 0) {
                return;
            }
            T next = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(IDLE_CHECK_MS)), TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
            }
        }
    }

    private boolean write(List<T> batch, boolean mayRetry) {
        List<T> unmodifiable = List.copyOf(batch);
        try {
            sink.accept(unmodifiable);
        } catch (RuntimeException failure) {
            if (mayRetry) {
                queue.addAll(unmodifiable);
            }
            failed.notWritten(unmodifiable, failure, mayRetry);
            return false;
        }
        written.accept(unmodifiable);
        return true;
    }

    public static final class Builder<T> {

        private final Consumer<List<T>> sink;
        private String threadName = "batched-writer";
        private int maxBatch = 500;
        private Duration gathering = Duration.ZERO;
        private Duration retryPause;
        private Consumer<List<T>> written = batch -> {
        };
        private Failure<T> failed = (batch, failure, willRetry) -> {
        };

        private Builder(Consumer<List<T>> sink) {
            this.sink = Objects.requireNonNull(sink);
        }

        /** The background thread's name (it shows in thread dumps and profiles). */
        public Builder<T> named(String threadName) {
            this.threadName = Objects.requireNonNull(threadName);
            return this;
        }

        /** At most this many items in one write (default 500). */
        public Builder<T> atMost(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        /** After the first item of a batch arrives, wait this long for more before writing (default: not at all). */
        public Builder<T> gathering(Duration gathering) {
            if (gathering.isNegative()) {
                throw new IllegalArgumentException("gathering must not be negative, was " + gathering);
            }
            this.gathering = gathering;
            return this;
        }

        /** Puts a batch that could not be written back, and tries again after this pause (default: dropped). */
        public Builder<T> retryingAfter(Duration pause) {
            if (pause.isNegative()) {
                throw new IllegalArgumentException("the retry pause must not be negative, was " + pause);
            }
            this.retryPause = pause;
            return this;
        }

        /** Told of every batch written (on the writing thread). */
        public Builder<T> whenWritten(Consumer<List<T>> written) {
            this.written = Objects.requireNonNull(written);
            return this;
        }

        /** Told of every batch not written, and whether it will be tried again (on the writing thread). */
        public Builder<T> whenNotWritten(Failure<T> failed) {
            this.failed = Objects.requireNonNull(failed);
            return this;
        }

        /** @return the writer, its thread running */
        public BatchedWriter<T> start() {
            BatchedWriter<T> writer = new BatchedWriter<>(this);
            writer.thread.start();
            return writer;
        }
    }
}
