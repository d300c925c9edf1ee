package se.medborgardialog.cases.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import se.medborgardialog.cases.KafkaProbe;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.Law;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.Location;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.contracts.TrackingCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test cases opened as in production: intake's submission events, and sla-service's deadlines, sent to the broker as
 * CloudEvents ({@link KafkaProbe}); each call waits until the service has stored what it sent.
 */
public final class OpenedCases implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Routed to stadsmiljö ({@code cases.routing.units}). */
    public static final String STADSMILJO_CATEGORY = "gata-och-trafik";
    /** Routed to medborgarservice. */
    public static final String MEDBORGARSERVICE_CATEGORY = "ovrigt";
    public static final Contact GRETA = new Contact("Greta Gatsten", "greta@example.se", "070-123 45 67");

    private final KafkaProbe kafka;
    private final JsonMapper json;
    private final CaseStore store;

    OpenedCases(String brokers, JsonMapper json, CaseStore store) {
        this.json = json;
        this.store = store;
        this.kafka = new KafkaProbe(brokers);
    }

    /** A klagomål from the web form, received a day before {@code NOW}. */
    public static SynpunktSubmitted synpunkt(String category, String text, Contact contact) {
        UUID id = UUID.randomUUID();
        Instant received = CaseServerIntegrationTestContext.NOW.minus(Duration.ofDays(1));
        return new SynpunktSubmitted(new SubmissionId(id), trackingCode(id), SynpunktKind.KLAGOMAL, category, text,
                Channel.WEB, received, received, contact, null, List.of(), null);
    }

    /** A dark street light at Storgatan 5 with one photo; {@code duplicateOf} links it to that case instead. */
    public static FelanmalanSubmitted felanmalan(CaseId duplicateOf) {
        UUID id = UUID.randomUUID();
        Instant received = CaseServerIntegrationTestContext.NOW.minus(Duration.ofHours(2));
        return new FelanmalanSubmitted(new SubmissionId(id), trackingCode(id), "gatubelysning", "Lampan lyser inte.",
                new Location(59.334591, 18.06324, "Storgatan 5"),
                List.of(new AttachmentRef("foto-" + id, "lampa.jpg", "image/jpeg", 2048, "ab".repeat(32))),
                Channel.APP, received, received, GRETA, duplicateOf, null);
    }

    private static TrackingCode trackingCode(UUID id) {
        String hex = id.toString().replace("-", "").toUpperCase();
        return new TrackingCode(hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16));
    }

    /**
     * An avvikelse of {@code flow} that staff reported in {@code unit} a day before {@code NOW}, about Sven Svensson.
     */
    public static AvvikelseReported avvikelse(LegalFlow flow, String unit) {
        UUID id = UUID.randomUUID();
        Instant reported = CaseServerIntegrationTestContext.NOW.minus(Duration.ofDays(1));
        Law law = switch (flow) {
            case LEX_SARAH -> Law.SOL;
            case LEX_MARIA -> Law.HSL;
            case KRANKANDE_BEHANDLING, SKOLKLAGOMAL -> Law.SKOLLAGEN;
        };
        return new AvvikelseReported(new SubmissionId(id), trackingCode(id), law, flow, unit,
                "Sven fick kvällsdosen två gånger.", reported, reported, "Läkare kontaktad direkt.",
                new AffectedPerson("Sven Svensson", "19121212-1212", false), "personal", reported, null);
    }

    public CaseId open(AvvikelseReported report) {
        return opened(report.submissionId(), EventTypes.AVVIKELSE_REPORTED, report);
    }

    public CaseId open(SynpunktSubmitted submission) {
        return opened(submission.submissionId(), EventTypes.SYNPUNKT_SUBMITTED, submission);
    }

    public CaseId open(FelanmalanSubmitted report) {
        return opened(report.submissionId(), EventTypes.FELANMALAN_SUBMITTED, report);
    }

    /** Sends a report of a fault already reported and waits until it is linked to that case. */
    public void link(FelanmalanSubmitted duplicate) {
        CaseId caseId = duplicate.duplicateOf();
        send(Topics.SUBMISSIONS, caseId.toString(), EventTypes.FELANMALAN_SUBMITTED, duplicate);
        await().atMost(PATIENCE).until(() -> find(caseId).linkedReports().stream()
                .anyMatch(report -> report.submissionId().equals(duplicate.submissionId().toString())));
    }

    /** sla-service's first-answer clock for the case, due at {@code dueAt}; waits until the case shows it. */
    public void deadline(CaseId caseId, String unit, Instant dueAt) {
        LocalDate dueDate = dueAt.atZone(ZoneId.of("Europe/Stockholm")).toLocalDate();
        send(Topics.DEADLINES, caseId.toString(), EventTypes.DEADLINE_SCHEDULED, new DeadlineScheduled(caseId,
                "first-answer", unit, 2, CaseServerIntegrationTestContext.NOW, dueDate, dueAt));
        await().atMost(PATIENCE).until(() -> find(caseId).deadline() != null);
    }

    public Case find(CaseId caseId) {
        return store.find(caseId).orElseThrow();
    }

    private CaseId opened(SubmissionId id, String type, Object event) {
        CaseId caseId = new CaseId(id.value());
        send(Topics.SUBMISSIONS, caseId.toString(), type, event);
        await().atMost(PATIENCE).until(() -> store.find(caseId).isPresent());
        return caseId;
    }

    /** Any event on any topic, as its producer sends it (a CloudEvent keyed by {@code key}). */
    public void send(String topic, String key, String type, Object event) {
        try {
            kafka.send(topic, key, type, json.writeValueAsBytes(event));
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + type + " for " + key, e);
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
