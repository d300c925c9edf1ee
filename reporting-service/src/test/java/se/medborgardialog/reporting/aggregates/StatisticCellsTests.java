package se.medborgardialog.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.util.Map;
import org.bson.Document;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.testsupport.InProcessMongo;

/** Against the in-process store: a change applied twice with its token counts once. */
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
}
