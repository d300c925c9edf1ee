package se.medborgardialog.sla.deadline;

import java.time.Instant;

/** A deadline event ready for the wire: CloudEvents attributes and the contract record as payload. */
record OutgoingEvent(String caseId, String eventId, String type, Instant time, Object payload) {
}
