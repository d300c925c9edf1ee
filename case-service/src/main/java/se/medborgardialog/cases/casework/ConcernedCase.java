package se.medborgardialog.cases.casework;

/**
 * The earlier case a complaint is about (a synpunkt with {@code concerns}, e.g. about a breached tjänstegaranti):
 * the complaint was opened in that case's unit and linked to it.
 */
public record ConcernedCase(String caseId, String diarienummer) {
}
