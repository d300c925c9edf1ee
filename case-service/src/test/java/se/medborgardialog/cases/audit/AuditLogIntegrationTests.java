package se.medborgardialog.cases.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.cases.web.InvalidFieldException;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.testsupport.InProcessMongo;
import se.medborgardialog.testsupport.MutableClock;

/** The audit log in the store: who read what, when and why, and the administrators' search over it. */
class AuditLogIntegrationTests {

    private static MongoClient client;
    private static MongoTemplate mongo;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T22:30:00Z"));
    private final AuditLog log = new AuditLog(mongo, clock);
    private final AuditController api = new AuditController(log);

    @BeforeAll
    static void store() {
        client = MongoClients.create(InProcessMongo.uri("cases-audit"));
        mongo = new MongoTemplate(client, "cases-audit");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void recordsWhoWhenWhichCaseThroughWhatAndWhy() {
        CaseId caseId = new CaseId(UUID.randomUUID());

        log.recordRead("anna", caseId, "GET /api/v1/cases/{caseId}");
        clock.advance(Duration.ofMinutes(5));
        log.recordRead("sara", caseId, "GET /api/v1/cases/{caseId}/avvikelse", "utredning av avvikelse");

        List<AuditEntry> entries = api.audit(caseId.toString(), null, null, null, 1000);
        assertThat(entries).extracting(AuditEntry::who).containsExactly("sara", "anna");
        assertThat(entries).extracting(AuditEntry::why).containsExactly("utredning av avvikelse", AuditLog.CASEWORK);
        assertThat(entries.get(1).at()).isEqualTo(Instant.parse("2026-12-01T22:30:00Z"));
        assertThat(entries.get(1).what()).isEqualTo("GET /api/v1/cases/{caseId}");
    }

    @Test
    void searchesByUserAndByStockholmDatesIncludingBoth() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        String who = "period-" + UUID.randomUUID();
        // 22:30 UTC on 1 December is 23:30 in Stockholm: still the 1st there
        log.recordRead(who, caseId, "first");
        clock.advance(Duration.ofHours(1)); // 00:30 on the 2nd in Stockholm
        log.recordRead(who, caseId, "second");
        clock.advance(Duration.ofDays(1)); // the 3rd
        log.recordRead(who, caseId, "third");

        assertThat(api.audit(null, who, "2026-12-02", "2026-12-02", 1000)).extracting(AuditEntry::what)
                .containsExactly("second");
        assertThat(api.audit(null, who, "2026-12-01", "2026-12-02", 1000)).extracting(AuditEntry::what)
                .containsExactly("second", "first");
        assertThat(api.audit(null, who, "2026-12-03", null, 1000)).extracting(AuditEntry::what)
                .containsExactly("third");
        assertThat(api.audit(null, who, null, null, 2)).hasSize(2);
        assertThat(api.audit(null, "nobody-" + UUID.randomUUID(), null, null, 1000)).isEmpty();
    }

    @Test
    void refusesASearchItCannotReadNamingTheParameter() {
        assertThatThrownBy(() -> api.audit("not-a-uuid", null, null, null, 10))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("caseId"));
        assertThatThrownBy(() -> api.audit(null, null, "1 december", null, 10))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> api.audit(null, null, "2026-12-02", "2026-12-01", 10))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> api.audit(null, null, null, null, 0))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }
}
