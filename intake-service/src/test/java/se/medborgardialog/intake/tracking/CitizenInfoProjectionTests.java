package se.medborgardialog.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CitizenInfoReceived;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.CitizenReplied;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.testsupport.InProcessMongo;

/**
 * The waiting state of the case view as the events build it, through the projection and its store on the
 * in-process MongoDB (no Spring, no Kafka): in any order, and with duplicates.
 */
class CitizenInfoProjectionTests {

    private static final Instant ASKED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant REPLIED = ASKED.plusSeconds(3_600);
    private static final Instant RECEIVED = ASKED.plusSeconds(7_200);
    private static final Instant ASKED_AGAIN = ASKED.plusSeconds(86_400);

    private static MongoClient client;
    private static CaseStatusStore store;
    private static CaseStatusProjection projection;

    private final UUID caseId = UUID.randomUUID();

    @BeforeAll
    static void store() {
        client = MongoClients.create(InProcessMongo.uri("intake-citizen-info-tests"));
        store = new CaseStatusStore(new MongoTemplate(client, "intake-citizen-info-tests"));
        projection = new CaseStatusProjection(store);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aPollsWritesAreMadeTogetherWhenItsRecordsAreHandledInTheirOrder() {
        store.begin();
        projection.on(requested(ASKED));
        projection.on(replied(REPLIED, "reply-1"));
        projection.on(received(RECEIVED));

        assertThat(store.findAll(List.of(caseId.toString()))).as("nothing written before the poll's end").isEmpty();

        store.flush();

        assertThat(view().citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.NONE);
        assertThat(view().history()).extracting(HistoryEntry::type)
                .containsExactly("information-begard", "svar-skickat", "information-mottagen");
        // the thread writes straight away again
        projection.on(requested(ASKED_AGAIN));
        assertThat(view().citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.BEGARD);
    }

    @Test
    void aQuestionMakesTheCaseWaitForTheCitizen() {
        projection.on(requested(ASKED));

        assertThat(view().citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.BEGARD);
        assertThat(view().infoRequestedAt()).isEqualTo(ASKED);
    }

    @Test
    void theCitizensReplyShowsAsSentUntilCaseServiceSaysItReachedTheCase() {
        projection.on(requested(ASKED));
        projection.on(replied(REPLIED, "reply-1"));
        assertThat(view().citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.SVAR_SKICKAT);

        projection.on(received(RECEIVED));

        assertThat(view().citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.NONE);
        assertThat(view().history()).extracting(HistoryEntry::type)
                .containsExactly("information-begard", "svar-skickat", "information-mottagen");
    }

    @Test
    void theInformationReceivedBeforeItsQuestionWasReadStillEndsTheWait() {
        projection.on(received(RECEIVED));
        projection.on(replied(REPLIED, "reply-1"));
        projection.on(requested(ASKED));

        assertThat(view().citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.NONE);
    }

    @Test
    void aLateDuplicateOfAnOldQuestionDoesNotMakeTheCaseWaitAgain() {
        projection.on(requested(ASKED));
        projection.on(received(RECEIVED));

        projection.on(requested(ASKED));

        assertThat(view().citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.NONE);
        assertThat(view().infoRequestedAt()).isEqualTo(ASKED);
    }

    @Test
    void aNewQuestionMakesTheCaseWaitAgainAndAnOldReceiptReadAfterItDoesNotEndThat() {
        projection.on(requested(ASKED));
        projection.on(requested(ASKED_AGAIN));
        projection.on(received(RECEIVED));

        assertThat(view().citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.BEGARD);
        assertThat(view().infoRequestedAt()).isEqualTo(ASKED_AGAIN);
    }

    @Test
    void redeliveredEventsAddNoSecondHistoryEntry() {
        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(requested(ASKED));
            projection.on(replied(REPLIED, "reply-1"));
            projection.on(received(RECEIVED));
        }

        assertThat(view().history()).hasSize(3);
        assertThat(view().citizenInfo()).isEqualTo(CaseStatus.CitizenInfo.NONE);
    }

    private CaseStatus view() {
        return store.findAll(List.of(caseId.toString())).get(0);
    }

    private CitizenInfoRequested requested(Instant at) {
        return new CitizenInfoRequested(new CaseId(caseId), "stadsmiljo", "anna", at);
    }

    private CitizenInfoReceived received(Instant at) {
        return new CitizenInfoReceived(new CaseId(caseId), "stadsmiljo", "medborgare", at);
    }

    private CitizenReplied replied(Instant at, String replyId) {
        return new CitizenReplied(new CaseId(caseId), replyId, new TrackingCode("7KQF-3M9X-WD2P-8HNA"), at, null,
                "sealed");
    }
}
