package se.medborgardialog.intake.eforslag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProposalTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static Proposal submitted() {
        return Proposal.submitted(UUID.randomUUID(), "ABCD-EFGH-JKMN-PQRS", "Fler parkbänkar!", "Text", "park-och-natur",
                "stadsmiljo", "hash", NOW);
    }

    @Test
    void publishingOpensTheSigningWindowFromNow() {
        Proposal proposal = submitted();
        proposal.publish(NOW, Period.ofDays(90), 50, "mona");

        assertThat(proposal.status()).isEqualTo(ProposalStatus.PUBLISHED);
        assertThat(proposal.closesAt()).isEqualTo(Instant.parse("2027-02-21T10:00:00Z"));
        assertThat(proposal.openForSignatures(NOW)).isTrue();
        assertThat(proposal.openForSignatures(proposal.closesAt())).isFalse();
    }

    @Test
    void refusesToPublishARejectedProposal() {
        Proposal proposal = submitted();
        proposal.reject("Gäller inte kommunen", NOW, "mona");

        assertThatThrownBy(() -> proposal.publish(NOW, Period.ofDays(90), 50, "mona"))
                .isInstanceOf(IllegalProposalTransitionException.class);
        assertThat(proposal.status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(proposal.rejectionReason()).isEqualTo("Gäller inte kommunen");
    }

    @Test
    void refusesARejectionWithoutReason() {
        assertThatThrownBy(() -> submitted().reject(" ", NOW, "mona")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void goesToTheNamndOnlyAfterReachingTheThreshold() {
        Proposal proposal = submitted();
        proposal.publish(NOW, Period.ofDays(90), 50, "mona");
        assertThatThrownBy(() -> proposal.sendToNamnd(NOW)).isInstanceOf(IllegalProposalTransitionException.class);

        proposal.reachThreshold(NOW);
        proposal.sendToNamnd(NOW);

        assertThat(proposal.status()).isEqualTo(ProposalStatus.SENT_TO_NAMND);
        assertThatThrownBy(() -> proposal.expire(NOW.plusSeconds(100 * 86_400L)))
                .isInstanceOf(IllegalProposalTransitionException.class);
    }

    @Test
    void isAnsweredOnlyOnceWithTheNamnd() {
        Proposal proposal = submitted();
        proposal.publish(NOW, Period.ofDays(90), 50, "mona");
        proposal.reachThreshold(NOW);
        assertThatThrownBy(() -> proposal.answer(NOW)).isInstanceOf(IllegalProposalTransitionException.class);

        proposal.sendToNamnd(NOW);
        proposal.answer(NOW.plusSeconds(86_400));

        assertThat(proposal.status()).isEqualTo(ProposalStatus.ANSWERED);
        assertThat(proposal.answeredAt()).isEqualTo(NOW.plusSeconds(86_400));
        assertThatThrownBy(() -> proposal.answer(NOW)).isInstanceOf(IllegalProposalTransitionException.class);
    }

    @Test
    void expiresOnlyOnceTheWindowHasClosed() {
        Proposal proposal = submitted();
        proposal.publish(NOW, Period.ofDays(90), 50, "mona");

        assertThatThrownBy(() -> proposal.expire(NOW.plusSeconds(86_400)))
                .isInstanceOf(IllegalProposalTransitionException.class);
        proposal.expire(proposal.closesAt());
        assertThat(proposal.status()).isEqualTo(ProposalStatus.EXPIRED);
    }

    @Test
    void normalisesTitlesForTheSimilarProposalRule() {
        assertThat(Proposal.normalise("  Fler PARKBÄNKAR i Åparken! ")).isEqualTo(Proposal.normalise("fler parkbänkar i åparken"));
    }

    @Test
    void peopleGivesValidPersonnummer() {
        assertThat(se.medborgardialog.personaldata.Personnummer.problemWith(People.personnummer("800101", 1),
                java.time.Clock.systemUTC())).isEmpty();
    }
}
