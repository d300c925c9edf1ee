package se.medborgardialog.reporting;

import java.time.Instant;
import java.time.LocalDate;
import se.medborgardialog.contracts.AvvikelseStep;
import se.medborgardialog.contracts.AvvikelseStepRecorded;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.EforslagPublished;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.EforslagSubmitted;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.Topics;
import tools.jackson.databind.json.JsonMapper;

/** A small object mother of every event the aggregates count, sent through {@link EventStream}. */
final class StatisticsEvents {

    static final GuaranteeRef SVAR = new GuaranteeRef("synpunkt-svar-2-arbetsdagar", 1,
            "Svar på din synpunkt inom två arbetsdagar", GuaranteeType.RIKTLINJE);
    static final GuaranteeRef NAMND = new GuaranteeRef("e-forslag-svar-6-manader", 1, "Svar inom sex månader",
            GuaranteeType.TJANSTEGARANTI);

    private final EventStream stream;
    private final JsonMapper json;

    StatisticsEvents(EventStream stream, JsonMapper json) {
        this.stream = stream;
        this.json = json;
    }

    void opened(CaseId id, CaseType type, SynpunktKind kind, String category, String unit, Channel channel,
                Instant receivedAt, LegalFlow flow) {
        send(Topics.CASES, id, EventTypes.CASE_OPENED, new CaseOpened(id, new SubmissionId(id.value()), null, kind,
                category, channel, unit, receivedAt, receivedAt.plusSeconds(5), type, flow));
    }

    void klagomal(CaseId id, String unit, Instant receivedAt) {
        opened(id, CaseType.SYNPUNKT, SynpunktKind.KLAGOMAL, "gata-och-trafik", unit, Channel.WEB, receivedAt, null);
    }

    void answered(CaseId id, Instant at) {
        send(Topics.CASES, id, EventTypes.CASE_ANSWERED, new CaseAnswered(id, "stadsmiljo", at, "anna"));
    }

    void closed(CaseId id, Instant at) {
        send(Topics.CASES, id, EventTypes.CASE_CLOSED, new CaseClosed(id, "stadsmiljo", CaseOutcome.BESVARAT, at, "anna"));
    }

    void scheduled(CaseId id, String clock, GuaranteeRef guarantee, Instant receivedAt, Instant dueAt) {
        send(Topics.DEADLINES, id, EventTypes.DEADLINE_SCHEDULED, new DeadlineScheduled(id, clock, "stadsmiljo", 2,
                receivedAt, LocalDate.ofInstant(dueAt, java.time.ZoneOffset.UTC), dueAt, guarantee, "P2WD"));
    }

    void met(CaseId id, String clock, GuaranteeRef guarantee, Instant dueAt, Instant at) {
        send(Topics.DEADLINES, id, EventTypes.DEADLINE_MET, new DeadlineMet(id, clock, "stadsmiljo", dueAt, at, guarantee));
    }

    void breached(CaseId id, String clock, GuaranteeRef guarantee, Instant dueAt, String compensation) {
        send(Topics.DEADLINES, id, EventTypes.DEADLINE_BREACHED, new DeadlineBreached(id, clock, "stadsmiljo", dueAt,
                dueAt.plusSeconds(60), guarantee, compensation));
    }

    void step(CaseId id, LegalFlow flow, AvvikelseStep step, Instant at, Boolean serious) {
        send(Topics.CASES, id, EventTypes.AVVIKELSE_STEP_RECORDED,
                new AvvikelseStepRecorded(id, "omsorg", flow, step, at, serious, "sara", at));
    }

    void eforslagSubmitted(CaseId id, String category, Instant at) {
        send(Topics.SUBMISSIONS, id, EventTypes.EFORSLAG_SUBMITTED,
                new EforslagSubmitted(new SubmissionId(id.value()), null, "Fler bänkar", category, Channel.WEB, at));
    }

    void eforslagPublished(CaseId id, String category, Instant at) {
        send(Topics.SUBMISSIONS, id, EventTypes.EFORSLAG_PUBLISHED,
                new EforslagPublished(new SubmissionId(id.value()), "Fler bänkar", category, 50, at, at.plusSeconds(90 * 86_400L), "mona"));
    }

    void eforslagSentToNamnd(CaseId id, String category, String namnd, int signatures, Instant publishedAt, Instant at) {
        send(Topics.SUBMISSIONS, id, EventTypes.EFORSLAG_SENT_TO_NAMND, new EforslagSentToNamnd(
                new SubmissionId(id.value()), null, "Fler bänkar", "Det behövs fler bänkar.", category, namnd,
                signatures, 50, publishedAt, at, at.plusSeconds(1)));
    }

    void send(String topic, CaseId id, String type, Object event) {
        stream.send(topic, id, type, json.writeValueAsBytes(event));
    }
}
