package se.medborgardialog.cases.casework;

import se.medborgardialog.contracts.CaseId;

/** Published (in-process) once an answer with a queued mail is stored, so the mail can go out at once. */
public record AnswerMailQueued(CaseId caseId, String mailId) {
}
