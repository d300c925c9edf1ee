package se.medborgardialog.cases.casework;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
        String text, Contact contact, AffectedPerson affectedPerson, Place place, List<Link> photos,
        List<Link> attachments, List<Linked> linkedReports, List<Deadline> deadlines, AnswerView answer,
        ClosureView closure, List<Step> history, boolean answerable, boolean closable) {

    /** A time as shown and as {@code <time datetime>} wants it. */
    record Moment(String text, String iso) {

        static Moment of(Instant instant) {
            return new Moment(Swedish.dateTime(instant), instant == null ? null : instant.toString());
        }
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

    record AnswerView(String text, Moment answeredAt, String answeredBy, String mail) {
    }

    record ClosureView(String outcome, Moment closedAt, String closedBy) {
    }

    record Step(Moment when, String who, String what) {
    }

    /** The outcomes of the close form, in the order an officer reaches for them. */
    static final List<CaseOutcome> OUTCOMES = List.of(CaseOutcome.BESVARAT, CaseOutcome.ATGARDAT,
            CaseOutcome.INGEN_ATGARD, CaseOutcome.HANVISAT, CaseOutcome.DUBBLETT);

    static CasePageView of(Case aCase, AffectedPerson affectedPerson, String deadlineLabel,
            AttachmentLinkProperties links) {
        CaseDeadline deadline = aCase.deadline();
        List<Deadline> deadlines = deadline == null ? List.of()
                : List.of(new Deadline(Swedish.clock(deadline.clock()), Swedish.date(deadline.dueDate()),
                        Moment.of(deadline.dueAt()), DeadlineText.of(deadlineLabel)));
        Answer answer = aCase.answer();
        Closure closure = aCase.closure();
        return new CasePageView(aCase.caseId().toString(), aCase.diarienummer().value(),
                aCase.trackingCode() == null ? null : aCase.trackingCode().value(),
                Swedish.what(aCase.caseType(), aCase.kind(), aCase.legalFlow()), Swedish.words(aCase.category()),
                Swedish.words(aCase.unit()), Swedish.channel(aCase.channel()), Moment.of(aCase.receivedAt()),
                Swedish.capitalized(aCase.status().swedish()), aCase.status().name().toLowerCase(Locale.ROOT),
                aCase.isAnonymous(), aCase.text(), aCase.contact(), affectedPerson, Place.of(aCase.location()),
                links(aCase.photos(), links), links(aCase.attachments(), links),
                aCase.linkedReports().stream().map(report -> new Linked(report.trackingCode(),
                        Moment.of(report.receivedAt()), Moment.of(report.linkedAt()))).toList(),
                deadlines,
                answer == null ? null : new AnswerView(answer.text(), Moment.of(answer.answeredAt()),
                        answer.answeredBy(), mail(aCase.answerMail())),
                closure == null ? null : new ClosureView(Swedish.outcome(closure.outcome()),
                        Moment.of(closure.closedAt()), closure.closedBy()),
                aCase.history().stream().map(step -> new Step(Moment.of(step.when()), step.who(), step.what()))
                        .toList(),
                answerable(aCase), aCase.status() != CaseStatus.CLOSED);
    }

    /** Offered only where {@link Case#answer} would take it: open, and somebody to answer (or an e-förslag). */
    private static boolean answerable(Case aCase) {
        return aCase.status() == CaseStatus.OPEN && (!aCase.isAnonymous() || aCase.caseType() == CaseType.E_FORSLAG);
    }

    private static List<Link> links(List<AttachmentRef> refs, AttachmentLinkProperties links) {
        return refs.stream().map(ref -> new Link(ref.fileName(), ref.contentType(), size(ref.size()),
                links.urlOf(ref.id()))).toList();
    }

    private static String mail(AnswerMail mail) {
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
