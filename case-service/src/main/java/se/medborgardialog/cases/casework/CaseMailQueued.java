package se.medborgardialog.cases.casework;

import se.medborgardialog.contracts.CaseId;

/** Published (in-process) once a change with a queued mail is stored, so the mail can go out at once. */
public record CaseMailQueued(CaseId caseId, String mailId) {
}
