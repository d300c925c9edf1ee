package se.medborgardialog.cases.casework;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import se.medborgardialog.cases.web.Moment;
import se.medborgardialog.cases.web.Swedish;
import se.medborgardialog.cases.web.Swedish.DeadlineText;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.Location;

/**
 * A whole case as its page shows it: Swedish words, Stockholm times. Holds personal data (text, contact, affected
 * person, answer): build it only inside an audited read.
 */
record CasePageView(String caseId, String diarienummer, String trackingCode, String what, String category,
        String unit, String channel, Moment received, String status, String statusCode, boolean anonymous,
        String assignee, Moment waitingSince, String text, Contact contact, AffectedPerson affectedPerson,
        Place place, List<Link> photos, List<Link> attachments, List<Linked> linkedReports, List<Deadline> deadlines,
        List<Written> answers, String answerMail, List<Written> questions, List<Written> replies,
        List<Written> notes, List<Forwarded> forwardings, List<CaseLinkRow> links, ClosureView closure,
        List<Step> history, Actions actions, List<Breach> breaches, Demand decisionDemand, Concerned concerns) {

    /** A guarantee the case's clock did not keep, and what the citizen is owed for it ("–" when nothing). */
    record Breach(String title, String guarantee, String kind, String compensation, Moment breachedAt) {
    }

    /** The party's demand for a decision (förvaltningslagen 12 §). */
    record Demand(String demandedOn, Moment recordedAt, String recordedBy) {
    }

    /** The case a complaint is about; {@code caseId} null when it is not the user's to open. */
    record Concerned(String caseId, String diarienummer) {
    }

    /** A felanmälan's place; {@code mapUrl} is null without coordinates. */
    record Place(String address, Double latitude, Double longitude, String mapUrl) {

        static Place of(Location location) {
            if (location == null) {
                return null;
            }
            String map = location.latitude() == null || location.longitude() == null ? null
                    : String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=18/%.6f/%.6f",
                            location.latitude(), location.longitude(), location.latitude(), location.longitude());
            return new Place(location.address(), location.latitude(), location.longitude(), map);
        }
    }

    record Link(String fileName, String contentType, String size, String url) {
    }

    record Linked(String trackingCode, Moment received, Moment linked) {
    }

    record Deadline(String clock, String dueDate, Moment dueAt, DeadlineText status) {
    }

    /** Something an officer or the citizen wrote on the case: an answer, a question, a reply, a note. */
    record Written(String text, Moment at, String by, boolean late) {
    }

    record Forwarded(String fromUnit, String toUnit, String reason, Moment at, String by) {
    }

    /** A link to another case; {@code caseId} is null when the other case is not the user's to open. */
    record CaseLinkRow(String caseId, String diarienummer, String relation, Moment at, String by) {
    }

    /**
     * Which action forms the page offers: those the case's state allows now (the case checks again on the post).
     * Each flag belongs to one fragment under {@code templates/arenden/atgarder/}.
     */
    record Actions(boolean answer, boolean close, boolean claim, boolean assign, boolean reassign, boolean release,
            boolean forward, boolean askCitizen, boolean registerReply, boolean reopen, boolean link, boolean note,
            boolean decisionDemand) {

        static Actions of(Case aCase, String user) {
            CaseStatus status = aCase.status();
            boolean live = status != CaseStatus.CLOSED;
            boolean working = status == CaseStatus.OPEN || status == CaseStatus.WAITING_FOR_CITIZEN;
            boolean nobodys = aCase.assignee() == null;
            return new Actions(
                    working && (!aCase.isAnonymous() || aCase.caseType() == CaseType.E_FORSLAG),
                    live,
                    live && nobodys,
                    live && nobodys,
                    live && !nobodys,
                    live && !nobodys,
                    live,
                    status == CaseStatus.OPEN && !aCase.isAnonymous(),
                    status == CaseStatus.WAITING_FOR_CITIZEN,
                    status == CaseStatus.ANSWERED || status == CaseStatus.CLOSED,
                    live,
                    true,
                    aCase.whyNoDecisionDemand() == null);
        }
    }

    record ClosureView(String outcome, Moment closedAt, String closedBy) {
    }

    record Step(Moment when, String who, String what) {
    }

    /** The outcomes of the close form, in the order an officer reaches for them. */
    static final List<CaseOutcome> OUTCOMES = List.of(CaseOutcome.BESVARAT, CaseOutcome.ATGARDAT,
            CaseOutcome.INGEN_ATGARD, CaseOutcome.HANVISAT, CaseOutcome.DUBBLETT);

    static CasePageView of(Case aCase, AffectedPerson affectedPerson, String deadlineLabel,
            AttachmentLinkProperties links, List<LinkView> caseLinks, Set<String> openable, String user) {
        CaseDeadline deadline = aCase.deadline();
        List<Deadline> deadlines = deadline == null ? List.of()
                : List.of(new Deadline(Swedish.clock(deadline.clock()), Swedish.date(deadline.dueDate()),
                        Moment.of(deadline.dueAt()), DeadlineText.of(deadlineLabel)));
        Closure closure = aCase.closure();
        return new CasePageView(aCase.caseId().toString(), aCase.diarienummer().value(),
                aCase.trackingCode() == null ? null : aCase.trackingCode().value(),
                Swedish.what(aCase.caseType(), aCase.kind(), aCase.legalFlow()), Swedish.words(aCase.category()),
                Swedish.words(aCase.unit()), Swedish.channel(aCase.channel()), Moment.of(aCase.receivedAt()),
                Swedish.capitalized(aCase.status().swedish()), aCase.status().name().toLowerCase(Locale.ROOT),
                aCase.isAnonymous(), aCase.assignee(),
                aCase.waitingSince() == null ? null : Moment.of(aCase.waitingSince()), aCase.text(), aCase.contact(),
                affectedPerson, Place.of(aCase.location()), links(aCase.photos(), links),
                links(aCase.attachments(), links),
                aCase.linkedReports().stream().map(report -> new Linked(report.trackingCode(),
                        Moment.of(report.receivedAt()), Moment.of(report.linkedAt()))).toList(),
                deadlines,
                aCase.answers().stream().map(answer -> new Written(answer.text(), Moment.of(answer.answeredAt()),
                        answer.answeredBy(), false)).toList(),
                mail(aCase.answerMail()),
                aCase.questions().stream().map(question -> new Written(question.text(),
                        Moment.of(question.askedAt()), question.askedBy(), false)).toList(),
                aCase.replies().stream().map(reply -> new Written(reply.text(), Moment.of(reply.receivedAt()),
                        reply.registeredBy(), reply.late())).toList(),
                aCase.notes().stream().map(note -> new Written(note.text(), Moment.of(note.writtenAt()),
                        note.author(), false)).toList(),
                aCase.forwardings().stream().map(forwarding -> new Forwarded(Swedish.words(forwarding.fromUnit()),
                        Swedish.words(forwarding.toUnit()), forwarding.reason(), Moment.of(forwarding.forwardedAt()),
                        forwarding.forwardedBy())).toList(),
                caseLinks.stream().map(link -> new CaseLinkRow(openable.contains(link.caseId()) ? link.caseId() : null,
                        link.diarienummer(), relation(link.relation()), Moment.of(link.linkedAt()), link.linkedBy()))
                        .toList(),
                closure == null ? null : new ClosureView(Swedish.outcome(closure.outcome()),
                        Moment.of(closure.closedAt()), closure.closedBy()),
                aCase.history().stream().map(step -> new Step(Moment.of(step.when()), step.who(), step.what()))
                        .toList(),
                Actions.of(aCase, user),
                aCase.guaranteeBreaches().stream().map(breach -> new Breach(breach.title(),
                        breach.guaranteeId() + ", version " + breach.guaranteeVersion(), kind(breach),
                        breach.compensation() == null ? "–" : breach.compensation(),
                        Moment.of(breach.breachedAt() == null ? breach.recordedAt() : breach.breachedAt()))).toList(),
                aCase.decisionDemand() == null ? null : new Demand(
                        aCase.decisionDemand().demandedAt().atZone(Swedish.STOCKHOLM).toLocalDate().toString(),
                        Moment.of(aCase.decisionDemand().recordedAt()), aCase.decisionDemand().recordedBy()),
                aCase.concerns() == null ? null : new Concerned(
                        openable.contains(aCase.concerns().caseId()) ? aCase.concerns().caseId() : null,
                        aCase.concerns().diarienummer()));
    }

    private static String kind(GuaranteeBreach breach) {
        if (breach.type() == null) {
            return "–";
        }
        return switch (breach.type()) {
            case TJANSTEGARANTI -> "Tjänstegaranti";
            case LAGKRAV -> "Lagkrav";
            case RIKTLINJE -> "Riktlinje";
        };
    }

    /** The relations of the link form, as the page offers them. */
    static final List<Map.Entry<String, String>> RELATIONS = List.of(Map.entry("related", "Relaterat ärende"),
            Map.entry("duplicate-of", "Dubblett av (slås ihop och avslutas)"));

    private static String relation(String wire) {
        return switch (wire) {
            case "related" -> "Relaterat ärende";
            case "duplicate-of" -> "Dubblett av";
            case "duplicate" -> "Har dubbletten";
            default -> wire;
        };
    }

    private static List<Link> links(List<AttachmentRef> refs, AttachmentLinkProperties links) {
        return refs.stream().map(ref -> new Link(ref.fileName(), ref.contentType(), size(ref.size()),
                links.urlOf(ref.id()))).toList();
    }

    private static String mail(CaseMail mail) {
        if (mail == null) {
            return null;
        }
        return mail.sentAt() == null ? "E-post till medborgaren väntar på att skickas."
                : "Skickat till medborgaren per e-post " + Swedish.dateTime(mail.sentAt()) + ".";
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " byte";
        }
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " kB"
                : String.format(Locale.forLanguageTag("sv"), "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
