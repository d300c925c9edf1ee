package se.medborgardialog.intake.eforslag;

import java.time.Duration;
import java.time.Instant;

/** A proposal as the public (and moderators) see it: no personal data. */
public record ProposalView(String id, String title, String text, String category, String status, long signatures,
        int threshold, Instant publishedAt, Instant closesAt, long daysLeft, String rejectionReason,
        Instant submittedAt, Instant sentAt, Instant answeredAt) {

    static ProposalView of(Proposal proposal, long signatures, Instant now) {
        long daysLeft = 0;
        if (proposal.closesAt() != null && now.isBefore(proposal.closesAt())) {
            long seconds = Duration.between(now, proposal.closesAt()).toSeconds();
            daysLeft = (seconds + 86_399) / 86_400;
        }
        return new ProposalView(proposal.id().toString(), proposal.title(), proposal.text(), proposal.category(),
                proposal.status().name(), signatures, proposal.threshold(), proposal.publishedAt(),
                proposal.closesAt(), daysLeft, proposal.rejectionReason(), proposal.submittedAt(), proposal.sentAt(),
                proposal.answeredAt());
    }
}
