package se.medborgardialog.intake.tracking;

/** The citizen's answer to the officer's question: {@code POST /api/v1/status/{trackingCode}/svar}. */
record CitizenReplyRequest(String text) {
}
