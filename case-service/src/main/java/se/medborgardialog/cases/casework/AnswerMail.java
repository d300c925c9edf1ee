package se.medborgardialog.cases.casework;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The e-mail that takes an answer to the citizen, queued in the same document update as the answer (a one-document
 * outbox, like the events). It holds no address or text: those are read from the case (the contact is encrypted at
 * rest) when the mail is sent.
 *
 * @param mailId   deterministic (case id + "answer-mail"), so the relay and the request path name the same mail
 * @param queuedAt when the answer was given
 * @param sentAt   when the SMTP server accepted it; null while pending
 */
public record AnswerMail(String mailId, Instant queuedAt, Instant sentAt) {

    static AnswerMail queued(String caseId, Instant now) {
        String mailId = UUID.nameUUIDFromBytes((caseId + ":answer-mail").getBytes(StandardCharsets.UTF_8)).toString();
        return new AnswerMail(mailId, now, null);
    }

    public boolean pending() {
        return sentAt == null;
    }
}
