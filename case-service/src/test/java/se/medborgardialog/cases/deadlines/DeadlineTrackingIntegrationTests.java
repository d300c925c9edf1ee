package se.medborgardialog.cases.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.medborgardialog.cases.casework.CaseDeadline;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.casework.DeadlineStatus;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.testsupport.InProcessMongo;

/**
 * The deadline view kept from sla-service's paused and resumed events, against the wire-protocol store, without Spring
 * or Kafka. The cases themselves are stood in for: what matters is the deadline handed to them.
 */
class DeadlineTrackingIntegrationTests {

    private static final Instant DUE = Instant.parse("2026-03-04T22:59:59.999999999Z");
    private static final Instant PAUSED_AT = Instant.parse("2026-03-03T08:00:00Z");
    private static final Instant RESUMED_AT = Instant.parse("2026-03-05T09:00:00Z");
    private static final LocalDate MOVED = LocalDate.parse("2026-03-06");
    private static final Instant MOVED_DUE = Instant.parse("2026-03-06T22:59:59.999999999Z");

    private static MongoClient client;
    private static MongoTemplate mongo;

    private final CaseStore cases = mock(CaseStore.class);
    private final DeadlineTracking tracking = new DeadlineTracking(mongo, cases);
    private final CaseId caseId = new CaseId(UUID.randomUUID());

    @BeforeAll
    static void connect() {
        client = MongoClients.create(InProcessMongo.uri("cases-deadline-tracking"));
        mongo = new MongoTemplate(client, "cases-deadline-tracking");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private List<CaseDeadline> applied(int times) {
        ArgumentCaptor<CaseDeadline> deadlines = ArgumentCaptor.forClass(CaseDeadline.class);
        verify(cases, times(times)).applyDeadline(eq(caseId), deadlines.capture());
        return deadlines.getAllValues();
    }

    @Test
    void aPausedClockShowsPausedOnTheCaseAndAResumedOneItsMovedDeadline() {
        when(cases.applyDeadline(any(), any())).thenReturn(true);

        assertThat(tracking.record(caseId, "first-answer", LocalDate.parse("2026-03-04"), DUE, DeadlineStatus.RUNNING))
                .isEqualTo("processed");
        assertThat(tracking.paused(caseId, "first-answer", PAUSED_AT)).isEqualTo("processed");
        assertThat(tracking.resumed(caseId, "first-answer", RESUMED_AT, MOVED, MOVED_DUE)).isEqualTo("processed");

        // The store keeps milliseconds.
        Instant due = DUE.truncatedTo(ChronoUnit.MILLIS);
        Instant movedDue = MOVED_DUE.truncatedTo(ChronoUnit.MILLIS);
        assertThat(applied(3)).containsExactly(
                new CaseDeadline("first-answer", LocalDate.parse("2026-03-04"), due, DeadlineStatus.RUNNING),
                new CaseDeadline("first-answer", LocalDate.parse("2026-03-04"), due, DeadlineStatus.RUNNING, PAUSED_AT),
                new CaseDeadline("first-answer", MOVED, movedDue, DeadlineStatus.RUNNING));
        assertThat(mongo.findById(caseId + ":first-answer", DeadlineRecord.class))
                .isEqualTo(new DeadlineRecord(caseId + ":first-answer", caseId.toString(), "first-answer", MOVED,
                        movedDue, DeadlineStatus.RUNNING, PAUSED_AT, RESUMED_AT));
    }

    @Test
    void redeliveredPauseAndResumeEventsChangeNothing() {
        when(cases.applyDeadline(any(), any())).thenReturn(false);
        tracking.record(caseId, "first-answer", LocalDate.parse("2026-03-04"), DUE, DeadlineStatus.RUNNING);
        tracking.paused(caseId, "first-answer", PAUSED_AT);
        tracking.resumed(caseId, "first-answer", RESUMED_AT, MOVED, MOVED_DUE);
        DeadlineRecord before = mongo.findById(caseId + ":first-answer", DeadlineRecord.class);

        assertThat(tracking.record(caseId, "first-answer", LocalDate.parse("2026-03-04"), DUE, DeadlineStatus.RUNNING))
                .isEqualTo("duplicate");
        assertThat(tracking.paused(caseId, "first-answer", PAUSED_AT)).isEqualTo("duplicate");
        assertThat(tracking.resumed(caseId, "first-answer", RESUMED_AT, MOVED, MOVED_DUE)).isEqualTo("duplicate");
        assertThat(mongo.findById(caseId + ":first-answer", DeadlineRecord.class)).isEqualTo(before);
    }

    @Test
    void aCaseOpenedAfterTwoClocksWereReportedShowsTheRunningOneDueSoonest() {
        when(cases.applyDeadline(any(), any())).thenReturn(false);
        tracking.record(caseId, "answer", MOVED, MOVED_DUE, DeadlineStatus.RUNNING);
        tracking.record(caseId, "first-answer", LocalDate.parse("2026-03-04"), DUE, DeadlineStatus.RUNNING);
        tracking.record(caseId, "acknowledge", null, DUE.minusSeconds(86_400), DeadlineStatus.MET);

        when(cases.applyDeadline(any(), any())).thenReturn(true);
        assertThat(tracking.applyKnown(caseId)).isTrue();

        assertThat(applied(4).get(3)).isEqualTo(new CaseDeadline("first-answer", LocalDate.parse("2026-03-04"),
                DUE.truncatedTo(ChronoUnit.MILLIS), DeadlineStatus.RUNNING));
    }

    @Test
    void aCaseWithNoClockReportedIsLeftAlone() {
        assertThat(tracking.applyKnown(caseId)).isFalse();

        verify(cases, never()).applyDeadline(any(), any());
    }

    @Test
    void namesTheClocksOfRecordsKeptBeforeClocksWereNamedPerCase() {
        try (MongoClient older = MongoClients.create(InProcessMongo.uri("cases-deadline-clocks-before"))) {
            MongoTemplate store = new MongoTemplate(older, "cases-deadline-clocks-before");
            store.save(DeadlineRecord.reported(caseId, "first-answer", LocalDate.parse("2026-03-04"), DUE,
                    DeadlineStatus.RUNNING, null, null));
            when(cases.applyDeadline(any(), any())).thenReturn(true);

            DeadlineTracking started = new DeadlineTracking(store, cases);
            started.afterPropertiesSet();

            assertThat(started.applyKnown(caseId)).isTrue();
            assertThat(applied(1)).containsExactly(new CaseDeadline("first-answer", LocalDate.parse("2026-03-04"),
                    DUE.truncatedTo(ChronoUnit.MILLIS), DeadlineStatus.RUNNING));
        }
    }

    @Test
    void aStartThatDiedWhileNamingNamesTheRestAtTheNextStart() {
        CaseId named = new CaseId(UUID.randomUUID());
        try (MongoClient older = MongoClients.create(InProcessMongo.uri("cases-deadline-clocks-half"))) {
            MongoTemplate store = new MongoTemplate(older, "cases-deadline-clocks-half");
            store.save(DeadlineRecord.reported(named, "first-answer", LocalDate.parse("2026-03-04"), DUE,
                    DeadlineStatus.RUNNING, null, null));
            store.save(DeadlineRecord.reported(caseId, "first-answer", LocalDate.parse("2026-03-04"), DUE,
                    DeadlineStatus.RUNNING, null, null));
            // the first start named one case's clocks and died: no marker
            store.upsert(Query.query(Criteria.where("_id").is(named.toString())),
                    new Update().addToSet("clocks", "first-answer"), CaseClocks.COLLECTION);
            when(cases.applyDeadline(any(), any())).thenReturn(true);

            DeadlineTracking restarted = new DeadlineTracking(store, cases);
            restarted.afterPropertiesSet();

            assertThat(restarted.applyKnown(caseId)).as("the case the first start did not reach").isTrue();
            assertThat(applied(1)).extracting(CaseDeadline::clock).containsExactly("first-answer");
            assertThat(store.findById(DeadlineTracking.NAMED_MARKER, Document.class, CaseClocks.COLLECTION))
                    .as("the marker: the next start names nothing").isNotNull();
        }
    }
}
