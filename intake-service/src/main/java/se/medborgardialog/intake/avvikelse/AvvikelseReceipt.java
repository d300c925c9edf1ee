package se.medborgardialog.intake.avvikelse;

/**
 * What the reporting staff member gets back. Kept as written text, so a retry with the same Idempotency-Key gets
 * exactly the same receipt from the idempotency store.
 *
 * @param trackingCode  the reference for the reporter
 * @param legalFlow     the flow's code, e.g. {@code LEX_SARAH}
 * @param legalFlowName the flow in Swedish words, e.g. "Lex Sarah"
 * @param nextSteps     what happens next, in Swedish
 */
public record AvvikelseReceipt(
        String submissionId,
        String trackingCode,
        String legalFlow,
        String legalFlowName,
        String nextSteps) {
}
