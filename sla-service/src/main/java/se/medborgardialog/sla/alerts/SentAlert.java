package se.medborgardialog.sla.alerts;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert to one recipient (collection {@code sent_alerts}). Its id, the event's id and the recipient, is unique:
 * an event redelivered, or delivered to another instance after a rebalance, finds it and sends nothing again.
 *
 * @param state     {@code HELD} until {@code releaseAt} (quiet hours, the digest), {@code PENDING} to be sent now,
 *                  {@code SENDING} while an instance mails it, {@code SENT}
 * @param digest    held for the daily digest
 * @param claimedAt when an instance took it for sending; a claim that old is taken over
 */
@Document("sent_alerts")
record SentAlert(@Id String id, String eventId, String recipient, Kind kind, String caseId, String clock,
        String unit, String guaranteeTitle, Integer guaranteeVersion, Instant dueAt, String point, Instant at,
        Instant receivedAt, State state, Instant releaseAt, boolean digest, Instant claimedAt, Instant sentAt) {

    enum Kind {
        WARNING, BREACHED
    }

    enum State {
        HELD, PENDING, SENDING, SENT
    }

    static String id(String eventId, String recipient) {
        return eventId + ":" + recipient;
    }
}
