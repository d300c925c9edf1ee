package se.medborgardialog.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BatchedWriterTests {

    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final Recorded outcome = new Recorded();
    private BatchedWriter<Integer> writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    void whatArrivesWhileABatchIsWrittenGoesOutInTheNextOne() throws InterruptedException {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        writer = BatchedWriter.<Integer>writingWith(batch -> {
            if (batches.isEmpty()) {
                firstWriteStarted.countDown();
                awaitLatch(releaseFirstWrite);
            }
            batches.add(batch);
        }).whenWritten(outcome.written::add).whenNotWritten(outcome).start();

        writer.add(0);
        assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
        IntStream.rangeClosed(1, 5).forEach(writer::add);
        releaseFirstWrite.countDown();

        await().untilAsserted(() -> assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5)));
        assertThat(outcome.written).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5));
        assertThat(writer.queued()).isZero();
    }

    @Test
    void aBatchHoldsAtMostTheMaximum() {
        writer = BatchedWriter.<Integer>writingWith(batches::add).atMost(3).gathering(Duration.ofMillis(300)).start();

        IntStream.range(0, 7).forEach(writer::add);

        await().untilAsserted(() -> assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(7));
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(range(7));
    }

    @Test
    void gatheringWaitsForMoreBeforeWriting() {
        writer = BatchedWriter.<Integer>writingWith(batches::add).atMost(3).gathering(Duration.ofSeconds(20)).start();

        writer.add(1);
        writer.add(2);
        writer.add(3);

        // the batch filled before the gathering time ran out: written at once, as one
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(batches).containsExactly(List.of(1, 2, 3)));
    }

    @Test
    void aBatchThatFailsIsDroppedAndReportedUnlessRetrying() {
        AtomicInteger calls = new AtomicInteger();
        writer = BatchedWriter.<Integer>writingWith(failingFirst(calls)).whenWritten(outcome.written::add).whenNotWritten(outcome).start();

        writer.add(1);
        await().untilAsserted(() -> assertThat(outcome.notWritten).containsExactly(List.of(1)));
        writer.add(2);

        await().untilAsserted(() -> assertThat(batches).containsExactly(List.of(2)));
        assertThat(outcome.willRetry).containsExactly(false);
        assertThat(writer.queued()).isZero();
    }

    @Test
    void aRetryingWriterPutsAFailedBatchBackAndWritesItAfterThePause() {
        AtomicInteger calls = new AtomicInteger();
        writer = BatchedWriter.<Integer>writingWith(failingFirst(calls)).retryingAfter(Duration.ofMillis(50))
                .whenWritten(outcome.written::add).whenNotWritten(outcome).start();

        writer.add(1);
        writer.add(2);

        await().untilAsserted(() -> assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrder(1, 2));
        assertThat(outcome.willRetry).isNotEmpty().containsOnly(true);
        assertThat(outcome.written.stream().flatMap(List::stream)).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void closeEndsARetryPauseAndWritesWhatIsLeftOnce() {
        AtomicInteger calls = new AtomicInteger();
        writer = BatchedWriter.<Integer>writingWith(failingFirst(calls)).retryingAfter(Duration.ofHours(1))
                .whenWritten(outcome.written::add).whenNotWritten(outcome).start();
        writer.add(1);
        await().untilAsserted(() -> assertThat(outcome.notWritten).containsExactly(List.of(1)));
        writer.add(2);

        writer.close();

        assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrder(1, 2);
        assertThat(writer.queued()).isZero();
    }

    @Test
    void afterCloseAnItemIsWrittenOnTheCallersThread() {
        List<String> writtenOn = new CopyOnWriteArrayList<>();
        writer = BatchedWriter.<Integer>writingWith(batch -> {
            writtenOn.add(Thread.currentThread().getName());
            batches.add(batch);
        }).named("marks").start();
        writer.close();

        writer.add(7);

        assertThat(batches).containsExactly(List.of(7));
        assertThat(writtenOn).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFailureAtCloseIsReportedNotRetried() {
        writer = BatchedWriter.<Integer>writingWith(batch -> {
            throw new IllegalStateException("store gone");
        }).retryingAfter(Duration.ofHours(1)).whenWritten(outcome.written::add).whenNotWritten(outcome).start();
        writer.close();

        writer.add(9);

        assertThat(outcome.notWritten).containsExactly(List.of(9));
        assertThat(outcome.willRetry).containsExactly(false);
        assertThat(writer.queued()).isZero();
    }

    @Test
    void theThreadIsNamedAndStopsAtClose() {
        writer = BatchedWriter.<Integer>writingWith(batches::add).named("outbox-marks").start();
        assertThat(threadNamed("outbox-marks")).isTrue();

        writer.close();

        await().untilAsserted(() -> assertThat(threadNamed("outbox-marks")).isFalse());
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> BatchedWriter.<Integer>writingWith(batches::add).atMost(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBatch");
        assertThatThrownBy(() -> BatchedWriter.<Integer>writingWith(batches::add).gathering(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gathering");
    }

    private Consumer<List<Integer>> failingFirst(AtomicInteger calls) {
        return batch -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("store away");
            }
            batches.add(batch);
        };
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Recorded implements BatchedWriter.Failure<Integer> {
        final List<List<Integer>> written = new CopyOnWriteArrayList<>();
        final List<List<Integer>> notWritten = new CopyOnWriteArrayList<>();
        final List<Boolean> willRetry = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void notWritten(List<Integer> batch, RuntimeException failure, boolean retrying) {
            notWritten.add(batch);
            willRetry.add(retrying);
        }
    }
}
