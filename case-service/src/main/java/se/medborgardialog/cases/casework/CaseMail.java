package se.medborgardialog.cases.casework;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An e-mail to the citizen, queued in the same document update as the change it reports (a one-document outbox,
 * like the events): an answer, or a question the officer asks. It holds no address or text of its own: those are
 * read from the case (the contact, the answers and the questions are encrypted at rest) when the mail is sent.
 *
 * @param mailId   deterministic (case id, purpose, number), so the relay and the request path name the same mail
 * @param purpose  what the mail carries; null on mails stored before questions existed: those are answers
 * @param number   which answer or question of the case it carries, from 1; 0 on mails stored before: the first
 * @param queuedAt when the answer was given or the question asked
 * @param sentAt   when the SMTP server accepted it; null while pending
 */
public record CaseMail(String mailId, Purpose purpose, int number, Instant queuedAt, Instant sentAt) {

    /** What a mail takes to the citizen. */
    public enum Purpose {
        ANSWER, QUESTION,
        /** A tjänstegaranti of the case was not kept ({@code number} is the breach's, from 1). */
        BREACH
    }

    static CaseMail queued(String caseId, Purpose purpose, int number, Instant now) {
        // the first answer mail keeps the id answer mails had before there were other mails
        String name = purpose == Purpose.ANSWER && number == 1 ? caseId + ":answer-mail"
                : caseId + ":" + purpose.name().toLowerCase(java.util.Locale.ROOT) + "-mail:" + number;
        return new CaseMail(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(),
                purpose, number, now, null);
    }

    public boolean pending() {
        return sentAt == null;
    }

    /** Mails stored before questions existed carry no purpose: they are answers. */
    public Purpose purposeOrAnswer() {
        return purpose == null ? Purpose.ANSWER : purpose;
    }

    /** Mails stored before there could be several answers carry no number: the first. */
    public int numberOrFirst() {
        return number < 1 ? 1 : number;
    }
}
