package se.medborgardialog.intake.eforslag;

/** The outcome of signing or withdrawing: the proposal's count afterwards. */
public record SignatureView(String proposalId, boolean signed, long signatures, int threshold, String status) {
}
