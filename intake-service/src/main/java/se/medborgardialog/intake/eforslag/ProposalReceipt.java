package se.medborgardialog.intake.eforslag;

/** What the proposer gets back; stored as the idempotency receipt, so a retry gets the very same one. */
public record ProposalReceipt(String proposalId, String trackingCode, String submittedAt, String status,
        String message) {
}
