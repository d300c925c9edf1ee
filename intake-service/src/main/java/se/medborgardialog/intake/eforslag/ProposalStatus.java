package se.medborgardialog.intake.eforslag;

public enum ProposalStatus {
    AWAITING_MODERATION, PUBLISHED, REJECTED, THRESHOLD_REACHED, SENT_TO_NAMND, ANSWERED, EXPIRED
}
