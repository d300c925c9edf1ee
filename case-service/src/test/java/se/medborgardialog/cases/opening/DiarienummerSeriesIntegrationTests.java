package se.medborgardialog.cases.opening;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.testsupport.InProcessMongo;

/** The counter against the wire-protocol store, without Spring: two "instances" share one database. */
class DiarienummerSeriesIntegrationTests {

    private static MongoClient client;
    private static DiarienummerSeries instanceA;
    private static DiarienummerSeries instanceB;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(InProcessMongo.uri("cases-series"));
        instanceA = new DiarienummerSeries(new MongoTemplate(client, "cases-series"));
        instanceB = new DiarienummerSeries(new MongoTemplate(client, "cases-series"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void neverHandsOutTheSameNumberToConcurrentCallers() throws Exception {
        Instant registeredAt = Instant.parse("2031-05-05T10:00:00Z");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                DiarienummerSeries instance = i % 2 == 0 ? instanceA : instanceB;
                calls.add(() -> instance.next(registeredAt).value());
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> number : threads.invokeAll(calls)) {
                numbers.add(number.get());
            }

            assertThat(numbers).doesNotHaveDuplicates().hasSize(200);
            assertThat(numbers).allMatch(number -> number.matches("2031-\\d{6}"));
            assertThat(numbers).contains("2031-000001", "2031-000200");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void handsOutConsecutiveRunsToConcurrentBatchesWithoutDuplicatesOrGaps() throws Exception {
        Instant registeredAt = Instant.parse("2034-05-05T10:00:00Z");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                DiarienummerSeries instance = i % 2 == 0 ? instanceA : instanceB;
                int count = 1 + i % 5;
                calls.add(() -> instance.next(registeredAt, count).stream().map(Diarienummer::value).toList());
            }
            List<String> numbers = new ArrayList<>();
            for (Future<List<String>> run : threads.invokeAll(calls)) {
                List<String> batch = run.get();
                // one run is consecutive: nobody else's number lies between two of a batch's
                for (int i = 1; i < batch.size(); i++) {
                    assertThat(sequence(batch.get(i))).isEqualTo(sequence(batch.get(i - 1)) + 1);
                }
                numbers.addAll(batch);
            }

            // 12 rounds of 1 + 2 + 3 + 4 + 5 numbers
            assertThat(numbers).doesNotHaveDuplicates().hasSize(180);
            assertThat(numbers.stream().mapToLong(DiarienummerSeriesIntegrationTests::sequence).max().orElseThrow())
                    .isEqualTo(180);
        } finally {
            threads.shutdownNow();
        }
    }

    private static long sequence(String number) {
        return Long.parseLong(number.substring(5));
    }

    @Test
    void startsANewSeriesAtOneInTheNewStockholmYear() {
        assertThat(instanceA.next(Instant.parse("2032-12-31T22:00:00Z")).value()).isEqualTo("2032-000001");
        assertThat(instanceA.next(Instant.parse("2032-12-31T22:30:00Z")).value()).isEqualTo("2032-000002");
        // 23:30 UTC is 00:30 on New Year's Day in Stockholm
        assertThat(instanceB.next(Instant.parse("2032-12-31T23:30:00Z")).value()).isEqualTo("2033-000001");
    }
}
