package se.medborgardialog.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.testsupport.InProcessMongo;

/** Against the in-process store: a change applied twice with its token counts once; changes applied at once all count. */
class StatisticCellsTests {

    @Test
    void aChangeAppliedTwiceWithItsTokenCountsOnceAndItsTokenIsRemovedAfterwards() {
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(InProcessMongo.uri("cells-tests")), "cells-tests");
        StatisticCells cells = new StatisticCells(mongo, Clock.systemUTC());
        Generation generation = new Generation(0);
        String cell = "2027-01-04|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|samhallsbyggnadsnamnden|WEB";
        String later = "2027-01-07|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|samhallsbyggnadsnamnden|WEB";
        // one change touching two days of one month
        Map<String, Map<String, Long>> delta = Map.of(cell, Map.of("received", 1L), later, Map.of("closed", 1L));

        cells.apply("case-1:1", delta, generation);
        cells.apply("case-1:1", delta, generation);
        cells.apply("case-2:1", delta, generation);
        cells.release("case-1:1", delta, generation);

        Document day = mongo.getCollection(generation.days()).find(new Document("_id", cell)).first();
        assertThat(day.get("n", Document.class).get("received")).isEqualTo(2L);
        assertThat(day.getString("unit")).isEqualTo("stadsmiljo");
        assertThat(day.get("tokens", Document.class).keySet()).containsExactly("case-2:1");
        Document month = mongo.getCollection(generation.months())
                .find(new Document("_id", StatisticCells.monthOf(cell))).first();
        assertThat(month.getString("period")).isEqualTo("2027-01");
        assertThat(month.get("n", Document.class).get("received")).isEqualTo(2L);
        assertThat(month.get("n", Document.class).get("closed")).isEqualTo(2L);
    }

    /**
     * Consumer threads (and instances) apply different changes to one cell at once, and a new cell is created by an
     * upsert. Each change counts once. (With MongoDB, of two upserts that both find no cell one can fail on the
     * duplicate key, and that change must still be applied; the in-process store runs the two one after the other,
     * so here this checks exactness under concurrent writers, not that race.)
     */
    @Test
    void changesAppliedAtOnceByManyWritersToNewCellsAllCount() throws Exception {
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(InProcessMongo.uri("cells-concurrent")), "cells-concurrent");
        StatisticCells cells = new StatisticCells(mongo, Clock.systemUTC());
        Generation generation = new Generation(0);
        int writers = 6;
        int cellsPerWriter = 28; // the days of February 2027: one month cell
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String writer = "case-" + w;
                done.add(pool.submit(() -> {
                    for (int c = 0; c < cellsPerWriter; c++) {
                        // every writer creates the same new cells in the same order, each with its own token
                        Map<String, Map<String, Long>> delta = Map.of(cellOf(c), Map.of("received", 1L));
                        cells.apply(writer + ":" + c, delta, generation);
                        cells.apply(writer + ":" + c, delta, generation); // a redelivery adds nothing
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        for (int c = 0; c < cellsPerWriter; c++) {
            Document day = mongo.getCollection(generation.days()).find(new Document("_id", cellOf(c))).first();
            assertThat(day.get("n", Document.class).get("received")).as(cellOf(c)).isEqualTo((long) writers);
        }
        Document month = mongo.getCollection(generation.months())
                .find(new Document("_id", StatisticCells.monthOf(cellOf(0)))).first();
        assertThat(month.get("n", Document.class).get("received")).isEqualTo((long) writers * cellsPerWriter);
    }

    /**
     * A poll's changes in one bulk: the changes of one cell share one update. A cell already holding one of the tokens
     * (a change applied before a crash) takes the others one at a time; every change counts once, and releasing
     * removes every token.
     */
    @Test
    void changesAppliedTogetherCountOnceEachThoughOneWasAppliedBefore() {
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(InProcessMongo.uri("cells-bulk")), "cells-bulk");
        StatisticCells cells = new StatisticCells(mongo, Clock.systemUTC());
        Generation generation = new Generation(0);
        String shared = cellOf(0);
        String other = cellOf(1);
        List<StatisticCells.Tokened> poll = List.of(
                new StatisticCells.Tokened("case-1:1", Map.of(shared, Map.of("received", 1L))),
                new StatisticCells.Tokened("case-2:1", Map.of(shared, Map.of("received", 1L), other, Map.of("closed", 1L))),
                new StatisticCells.Tokened("case-3:2", Map.of(shared, Map.of("answered", 1L, "received", -1L))));
        cells.apply("case-2:1", poll.get(1).delta(), generation); // applied before, and not released

        cells.applyAll(poll, generation);
        cells.applyAll(poll, generation); // all of it again

        Document day = mongo.getCollection(generation.days()).find(new Document("_id", shared)).first();
        assertThat(day.get("n", Document.class)).containsEntry("received", 1L).containsEntry("answered", 1L);
        assertThat(mongo.getCollection(generation.days()).find(new Document("_id", other)).first()
                .get("n", Document.class)).containsEntry("closed", 1L);
        Document month = mongo.getCollection(generation.months())
                .find(new Document("_id", StatisticCells.monthOf(shared))).first();
        assertThat(month.get("n", Document.class)).containsEntry("received", 1L).containsEntry("answered", 1L)
                .containsEntry("closed", 1L);

        cells.releaseAll(poll, generation);
        assertThat(day.get("tokens", Document.class).keySet()).containsExactlyInAnyOrder("case-1:1", "case-2:1", "case-3:2");
        assertThat(mongo.getCollection(generation.days()).find(new Document("_id", shared)).first()
                .get("tokens", Document.class)).isEmpty();
        assertThat(mongo.getCollection(generation.months()).find(new Document("_id", StatisticCells.monthOf(shared)))
                .first().get("tokens", Document.class)).isEmpty();
    }

    private static String cellOf(int n) {
        return String.format("2027-02-%02d|SYNPUNKT|KLAGOMAL|gata-och-trafik|stadsmiljo|samhallsbyggnadsnamnden|WEB", n + 1);
    }
}
