package se.medborgardialog.intake.eforslag;

import java.text.Normalizer;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An e-förslag. Every move is a guarded method that refuses an illegal one:
 * AWAITING_MODERATION → PUBLISHED → THRESHOLD_REACHED → SENT_TO_NAMND → ANSWERED (the nämnd's case was answered),
 * AWAITING_MODERATION → REJECTED, PUBLISHED → EXPIRED. The store persists a move only if the stored status is still the one it started from,
 * so two instances cannot both make the same move. Holds no readable personal data: the proposer is a keyed hash.
 */
@Document("eforslag")
public class Proposal {

    @Id
    private String id;
    private String trackingCode;
    private String title;
    private String normalisedTitle;
    private String text;
    private String category;
    private String namnd;
    private String proposerHash;
    private ProposalStatus status;
    private Instant submittedAt;
    private int threshold;
    private Instant publishedAt;
    private Instant closesAt;
    private String moderatedBy;
    private String rejectionReason;
    private Instant rejectedAt;
    private Instant thresholdReachedAt;
    private Instant sentAt;
    private Instant expiredAt;
    private Instant answeredAt;

    Proposal() {
        // for the store
    }

    static Proposal submitted(UUID id, String trackingCode, String title, String text, String category, String namnd,
            String proposerHash, Instant submittedAt) {
        Proposal proposal = new Proposal();
        proposal.id = id.toString();
        proposal.trackingCode = Objects.requireNonNull(trackingCode);
        proposal.title = Objects.requireNonNull(title);
        proposal.normalisedTitle = normalise(title);
        proposal.text = Objects.requireNonNull(text);
        proposal.category = Objects.requireNonNull(category);
        proposal.namnd = Objects.requireNonNull(namnd);
        proposal.proposerHash = Objects.requireNonNull(proposerHash);
        proposal.submittedAt = Objects.requireNonNull(submittedAt);
        proposal.status = ProposalStatus.AWAITING_MODERATION;
        return proposal;
    }

    /** Lower case, accents kept (å ä ö matter in Swedish), punctuation dropped, white space collapsed. */
    static String normalise(String title) {
        String text = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.forLanguageTag("sv"));
        return text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    void publish(Instant now, Period window, int threshold, String moderator) {
        require(ProposalStatus.AWAITING_MODERATION, "publiceras");
        this.status = ProposalStatus.PUBLISHED;
        this.publishedAt = now;
        this.closesAt = now.atOffset(ZoneOffset.UTC).plus(window).toInstant();
        this.threshold = threshold;
        this.moderatedBy = moderator;
    }

    void reject(String reason, Instant now, String moderator) {
        require(ProposalStatus.AWAITING_MODERATION, "avslås");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A rejection needs a reason");
        }
        this.status = ProposalStatus.REJECTED;
        this.rejectionReason = reason.strip();
        this.rejectedAt = now;
        this.moderatedBy = moderator;
    }

    /** Signatures count only while published and before the window closes. */
    boolean openForSignatures(Instant now) {
        return status == ProposalStatus.PUBLISHED && now.isBefore(closesAt);
    }

    void reachThreshold(Instant now) {
        require(ProposalStatus.PUBLISHED, "nå gränsen för underskrifter");
        this.status = ProposalStatus.THRESHOLD_REACHED;
        this.thresholdReachedAt = now;
    }

    void sendToNamnd(Instant now) {
        require(ProposalStatus.THRESHOLD_REACHED, "skickas till nämnden");
        this.status = ProposalStatus.SENT_TO_NAMND;
        this.sentAt = now;
    }

    /** The nämnd answered: its case (whose id is the proposal's) was answered at {@code answeredAt}. */
    void answer(Instant answeredAt) {
        require(ProposalStatus.SENT_TO_NAMND, "besvaras");
        this.status = ProposalStatus.ANSWERED;
        this.answeredAt = java.util.Objects.requireNonNull(answeredAt);
    }

    void expire(Instant now) {
        require(ProposalStatus.PUBLISHED, "löpa ut");
        if (now.isBefore(closesAt)) {
            throw new IllegalProposalTransitionException(id, status, "löpa ut före " + closesAt);
        }
        this.status = ProposalStatus.EXPIRED;
        this.expiredAt = now;
    }

    private void require(ProposalStatus expected, String move) {
        if (status != expected) {
            throw new IllegalProposalTransitionException(id, status, move);
        }
    }

    public UUID id() {
        return UUID.fromString(id);
    }

    public String trackingCode() {
        return trackingCode;
    }

    public String title() {
        return title;
    }

    String normalisedTitle() {
        return normalisedTitle;
    }

    public String text() {
        return text;
    }

    public String category() {
        return category;
    }

    public String namnd() {
        return namnd;
    }

    String proposerHash() {
        return proposerHash;
    }

    public ProposalStatus status() {
        return status;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public int threshold() {
        return threshold;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public String moderatedBy() {
        return moderatedBy;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Instant rejectedAt() {
        return rejectedAt;
    }

    public Instant thresholdReachedAt() {
        return thresholdReachedAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant expiredAt() {
        return expiredAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }
}
