package se.medborgardialog.cases.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgardialog.cases.Submissions.aSubmission;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.contracts.Diarienummer;
import se.medborgardialog.testsupport.InProcessMongo;

/** Acknowledged events leave their cases' outboxes in one update, against the wire-protocol store. */
class CaseStoreMarksIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(InProcessMongo.uri("cases-marks"));
        mongo = new MongoTemplate(client, "cases-marks");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void takesTheAcknowledgedEventsOfManyCasesOutOfTheirOutboxesAndLeavesTheOthers() {
        CaseStore store = new CaseStore(mongo);
        Case first = opened("2026-000001");
        Case second = opened("2026-000002");
        PendingEvent firstOpened = event(first, "a1");
        PendingEvent firstLinked = event(first, "a2");
        PendingEvent secondOpened = event(second, "b1");
        store.insertOpened(first, firstOpened, firstLinked);
        store.insertOpened(second, secondOpened);

        store.markPublished(Map.of(first.caseId(), List.of("a1"), second.caseId(), List.of("b1")));

        assertThat(store.find(first.caseId()).orElseThrow().outbox()).extracting(PendingEvent::eventId)
                .containsExactly("a2");
        assertThat(store.find(second.caseId()).orElseThrow().outbox()).isEmpty();
        assertThat(store.find(first.caseId()).orElseThrow().version()).isEqualTo(first.version());
    }

    private static Case opened(String number) {
        return Case.open(aSubmission().build(), new Diarienummer(number), "stadsmiljo", NOW);
    }

    private static PendingEvent event(Case aCase, String id) {
        return new PendingEvent(id, "opened", aCase.caseId().toString(), NOW, "{}");
    }
}
