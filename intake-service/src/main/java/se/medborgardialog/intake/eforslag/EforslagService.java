package se.medborgardialog.intake.eforslag;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.EforslagExpired;
import se.medborgardialog.contracts.EforslagPublished;
import se.medborgardialog.contracts.EforslagRejected;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.EforslagSubmitted;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.intake.category.CategoryCatalogue;
import se.medborgardialog.intake.eforslag.identity.IdentityEvidence;
import se.medborgardialog.intake.eforslag.identity.IdentityProvider;
import se.medborgardialog.intake.eforslag.identity.VerifiedPerson;
import se.medborgardialog.intake.publishing.EventNotAcknowledgedException;
import se.medborgardialog.intake.publishing.IdempotentPublishing;
import se.medborgardialog.intake.publishing.IdempotentPublishing.Prepared;
import se.medborgardialog.intake.publishing.IntakeEvent;
import se.medborgardialog.intake.submission.TrackingCodes;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;
import se.medborgardialog.personaldata.KeyedHash;
import tools.jackson.databind.json.JsonMapper;

/**
 * The e-förslag use cases. Every event is published through {@link IdempotentPublishing} under a key derived
 * from the proposal and the move, after the store accepted the move (a guarded update on the status), so a
 * move happens once and its event is published once even when two instances race; a move whose event was not
 * acknowledged is re-published by repeating the request (or, for the nämnd, by the scanner).
 */
@Service
public class EforslagService {

    private static final Logger log = LoggerFactory.getLogger(EforslagService.class);
    static final String SIGNATURE_PURPOSE = "eforslag-signature";
    static final String PROPOSER_PURPOSE = "eforslag-proposer";
    static final int MAX_TITLE = 150;
    static final int MAX_TEXT = 5000;
    static final int MAX_REASON = 2000;

    private final ProposalStore store;
    private final EforslagProperties properties;
    private final ObjectProvider<IdentityProvider> identity;
    private final IdempotentPublishing publishing;
    private final TrackingCodes trackingCodes;
    private final CategoryCatalogue categories;
    private final KeyedHash keyedHash;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Map<String, Counter> counters;

    /** What {@code medborgardialog.eforslag.events} counts, each once per proposal (or signature). */
    static final List<String> COUNTED = List.of("submitted", "published", "rejected", "signed", "withdrawn",
            "sent-to-namnd", "answered", "expired");

    EforslagService(ProposalStore store, EforslagProperties properties, ObjectProvider<IdentityProvider> identity,
            IdempotentPublishing publishing, TrackingCodes trackingCodes, CategoryCatalogue categories,
            JsonMapper jsonMapper, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.identity = identity;
        this.publishing = publishing;
        this.trackingCodes = trackingCodes;
        this.categories = categories;
        this.keyedHash = new KeyedHash(java.util.Objects.requireNonNull(properties.signatureHashKey(),
                "intake.eforslag.signature-hash-key must be set (base64, at least 32 bytes)"));
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.counters = COUNTED.stream().collect(Collectors.toUnmodifiableMap(event -> event,
                event -> Counter.builder("medborgardialog.eforslag.events")
                        .description("E-förslag moves and signatures, each counted once")
                        .tag("event", event)
                        .register(meters)));
    }

    public EforslagProperties properties() {
        return properties;
    }

    public ProposalReceipt submit(ProposalRequest request, String idempotencyKey) {
        List<FieldViolation> errors = new ArrayList<>();
        String title = required(request.title(), "title", "rubrik", MAX_TITLE, errors);
        String text = required(request.text(), "text", "förslagstext", MAX_TEXT, errors);
        String category = request.category() == null ? "" : request.category().strip();
        if (!categories.contains(category)) {
            errors.add(new FieldViolation("category", "Välj en av kommunens kategorier."));
        }
        VerifiedPerson person = verifyCollecting(new IdentityEvidence(request.personnummer(), request.kommun()),
                errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        requireResident(person);
        String proposerHash = keyedHash.hash(PROPOSER_PURPOSE, person.personnummer().digits());
        var withoutIdentity = new ProposalRequest(title, text, category, null, null);
        String requestHash = publishing.requestHash(withoutIdentity, "eforslag", proposerHash);
        ProposalReceipt receipt = publishing.publishOnceInsertingFirst(idempotencyKey, requestHash, () -> {
            UUID id = UUID.randomUUID();
            TrackingCode code = trackingCodes.next();
            Instant now = clock.instant();
            var event = new EforslagSubmitted(new SubmissionId(id), code, title, category, Channel.WEB, now);
            return new Prepared<>(IntakeEvent.of(id.toString(), id.toString(), EventTypes.EFORSLAG_SUBMITTED,
                    "eforslag-submitted", now, event, jsonMapper),
                    new ProposalReceipt(id.toString(), code.value(), DateTimeFormatter.ISO_INSTANT.format(now),
                            ProposalStatus.AWAITING_MODERATION.name(),
                            "Tack! Ditt förslag granskas innan det publiceras."));
        }, ProposalReceipt.class);
        if (store.insertIfAbsent(Proposal.submitted(UUID.fromString(receipt.proposalId()), receipt.trackingCode(),
                title, text, category, properties.namndFor(category), proposerHash,
                Instant.parse(receipt.submittedAt())))) {
            count("submitted");
        }
        log.info("E-förslag {} submitted, awaiting moderation", receipt.proposalId());
        return receipt;
    }

    public ProposalView publish(UUID id, String moderator) {
        Proposal proposal = find(id);
        if (proposal.status() != ProposalStatus.PUBLISHED) {
            Instant now = clock.instant();
            proposal.publish(now, properties.signingWindow(), properties.signatureThreshold(), moderator);
            Instant since = now.atOffset(ZoneOffset.UTC).minus(properties.similarProposalPeriod()).toInstant();
            if (store.similarPublishedSince(proposal.normalisedTitle(), since, id, EnumSet.of(
                    ProposalStatus.PUBLISHED, ProposalStatus.THRESHOLD_REACHED, ProposalStatus.SENT_TO_NAMND))) {
                throw EforslagProblem.similarExists();
            }
            if (!store.move(proposal, ProposalStatus.AWAITING_MODERATION)) {
                return publish(id, moderator); // moved meanwhile: answer from the stored state
            }
            count("published");
        }
        // Also for an already published one: re-publishes the event if an earlier attempt was not acknowledged.
        var event = new EforslagPublished(new SubmissionId(id), proposal.title(), proposal.category(),
                proposal.threshold(), proposal.publishedAt(), proposal.closesAt(), proposal.moderatedBy());
        publishOnce(proposal, "eforslag-published", EventTypes.EFORSLAG_PUBLISHED, proposal.publishedAt(), event);
        log.info("E-förslag {} published until {}", id, proposal.closesAt());
        return view(proposal);
    }

    public ProposalView reject(UUID id, String reason, String moderator) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REASON) {
            throw new InvalidRequestException(new FieldViolation("reason",
                    "Skriv ett skäl till avslaget (högst " + MAX_REASON + " tecken); förslagsställaren får se det."));
        }
        Proposal proposal = find(id);
        if (proposal.status() != ProposalStatus.REJECTED) {
            proposal.reject(trimmed, clock.instant(), moderator);
            if (!store.move(proposal, ProposalStatus.AWAITING_MODERATION)) {
                return reject(id, reason, moderator);
            }
            count("rejected");
        }
        var event = new EforslagRejected(new SubmissionId(id), proposal.rejectionReason(), proposal.rejectedAt(),
                proposal.moderatedBy());
        publishOnce(proposal, "eforslag-rejected", EventTypes.EFORSLAG_REJECTED, proposal.rejectedAt(), event);
        log.info("E-förslag {} rejected in moderation", id);
        return view(proposal);
    }

    public List<ProposalView> published() {
        Instant now = clock.instant();
        return store.withStatus(ProposalStatus.PUBLISHED).stream()
                .filter(proposal -> proposal.openForSignatures(now))
                .map(proposal -> ProposalView.of(proposal, store.countSignatures(proposal.id()), now))
                .toList();
    }

    /** For moderators: what waits for them, the longest-waiting first. */
    public List<ProposalView> awaitingModeration() {
        Instant now = clock.instant();
        return store.withStatus(ProposalStatus.AWAITING_MODERATION).stream()
                .sorted(Comparator.comparing(Proposal::submittedAt))
                .map(proposal -> ProposalView.of(proposal, 0, now))
                .toList();
    }

    /** Proposals that reached their threshold: with the nämnd, or answered by it; the latest first. */
    public List<ProposalView> withTheNamnd() {
        Instant now = clock.instant();
        return store.withStatusIn(EnumSet.of(ProposalStatus.THRESHOLD_REACHED, ProposalStatus.SENT_TO_NAMND,
                        ProposalStatus.ANSWERED)).stream()
                .map(proposal -> ProposalView.of(proposal, store.countSignatures(proposal.id()), now))
                .toList();
    }

    /**
     * The nämnd's case for a proposal (its id is the proposal's) was answered: the proposal is answered. Other
     * cases, and an answer heard again, change nothing. A proposal still marked THRESHOLD_REACHED (its move to
     * the nämnd was acknowledged by Kafka, or the case could not exist, but not yet stored here) is first marked
     * as sent.
     */
    public void namndAnswered(UUID caseId, Instant answeredAt) {
        Proposal proposal = store.find(caseId).orElse(null);
        if (proposal == null) {
            return;
        }
        if (proposal.status() == ProposalStatus.THRESHOLD_REACHED) {
            proposal.sendToNamnd(proposal.thresholdReachedAt());
            if (store.move(proposal, ProposalStatus.THRESHOLD_REACHED)) {
                count("sent-to-namnd");
            }
        }
        if (proposal.status() != ProposalStatus.SENT_TO_NAMND) {
            return;
        }
        proposal.answer(answeredAt);
        if (store.move(proposal, ProposalStatus.SENT_TO_NAMND)) {
            count("answered");
            log.info("E-förslag {} was answered by nämnd {}", caseId, proposal.namnd());
        }
    }

    public ProposalView view(UUID id) {
        return view(find(id));
    }

    public SignatureView sign(UUID id, IdentityEvidence evidence) {
        String signerHash = signerHash(verifyResident(evidence));
        Proposal proposal = find(id);
        Instant now = clock.instant();
        if (!proposal.openForSignatures(now)) {
            throw EforslagProblem.closed();
        }
        long count = store.insertSignature(new Signature(UUID.randomUUID().toString(), id.toString(), signerHash, now));
        if (count < 0) {
            throw EforslagProblem.alreadySigned();
        }
        count("signed");
        log.info("E-förslag {} signed, {} signatures", id, count);
        if (count >= proposal.threshold()) {
            proposal.reachThreshold(now);
            if (store.move(proposal, ProposalStatus.PUBLISHED)) {
                try {
                    sendToNamnd(proposal, count);
                } catch (EventNotAcknowledgedException notYet) {
                    // The signature is stored and counts; the proposal is stored as THRESHOLD_REACHED, which the
                    // expiry scanner sends to the nämnd again until the broker acknowledges it. So the signer is
                    // answered that the signature counts, not asked to retry: a retry would be told the proposal is
                    // closed.
                    log.warn("E-förslag {} reached its threshold but the broker did not acknowledge its move to the"
                            + " nämnd; the scanner sends it again", id);
                }
            }
        }
        return new SignatureView(id.toString(), true, count, proposal.threshold(),
                find(id).status().name());
    }

    public SignatureView withdraw(UUID id, IdentityEvidence evidence) {
        String signerHash = signerHash(verifyResident(evidence));
        Proposal proposal = find(id);
        if (!proposal.openForSignatures(clock.instant())) {
            throw EforslagProblem.closed();
        }
        long left = store.deleteSignature(id, signerHash);
        if (left < 0) {
            throw EforslagProblem.notSigned();
        }
        count("withdrawn");
        log.info("E-förslag {}: a signature was withdrawn", id);
        return new SignatureView(id.toString(), false, left, proposal.threshold(),
                proposal.status().name());
    }

    /**
     * Moves published proposals whose window closed at {@code now} to EXPIRED (or, if they did reach the
     * threshold, to the nämnd), and re-sends proposals whose move to the nämnd was not yet acknowledged.
     *
     * @return how many proposals expired
     */
    public int expireDue(Instant now) {
        int expired = 0;
        for (Proposal proposal : store.publishedClosingBy(now)) {
            long count = store.countSignatures(proposal.id());
            if (count >= proposal.threshold()) {
                proposal.reachThreshold(now);
                if (store.move(proposal, ProposalStatus.PUBLISHED)) {
                    sendToNamnd(proposal, count);
                }
                continue;
            }
            proposal.expire(now);
            if (store.move(proposal, ProposalStatus.PUBLISHED)) {
                var event = new EforslagExpired(new SubmissionId(proposal.id()), (int) count, proposal.threshold(),
                        now);
                publishOnce(proposal, "eforslag-expired", EventTypes.EFORSLAG_EXPIRED, now, event);
                count("expired");
                log.info("E-förslag {} expired with {} of {} signatures", proposal.id(), count, proposal.threshold());
                expired++;
            }
        }
        for (Proposal pending : store.withStatus(ProposalStatus.THRESHOLD_REACHED)) {
            sendToNamnd(pending, store.countSignatures(pending.id()));
        }
        return expired;
    }

    private void sendToNamnd(Proposal proposal, long count) {
        Instant reachedAt = proposal.thresholdReachedAt();
        var event = new EforslagSentToNamnd(new SubmissionId(proposal.id()), new TrackingCode(proposal.trackingCode()),
                proposal.title(), proposal.text(), proposal.category(), proposal.namnd(), (int) count,
                proposal.threshold(), proposal.publishedAt(), reachedAt, reachedAt);
        publishOnce(proposal, "eforslag-sent-to-namnd", EventTypes.EFORSLAG_SENT_TO_NAMND, reachedAt, event);
        proposal.sendToNamnd(reachedAt);
        if (store.move(proposal, ProposalStatus.THRESHOLD_REACHED)) {
            count("sent-to-namnd");
        }
        log.info("E-förslag {} reached {} signatures and was sent to nämnd {}", proposal.id(), count,
                proposal.namnd());
    }

    private void publishOnce(Proposal proposal, String eventName, String type, Instant time, Object payload) {
        String id = proposal.id().toString();
        IntakeEvent event = IntakeEvent.of(id, id, type, eventName, time, payload, jsonMapper);
        String key = eventName + ":" + id;
        publishing.publishOnce(key, key, () -> new Prepared<>(event, id), String.class);
    }

    private void count(String event) {
        counters.get(event).increment();
    }

    private String signerHash(VerifiedPerson person) {
        return keyedHash.hash(SIGNATURE_PURPOSE, person.personnummer().digits());
    }

    private VerifiedPerson verifyResident(IdentityEvidence evidence) {
        List<FieldViolation> errors = new ArrayList<>();
        VerifiedPerson person = verifyCollecting(evidence, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        requireResident(person);
        return person;
    }

    private VerifiedPerson verifyCollecting(IdentityEvidence evidence, List<FieldViolation> errors) {
        IdentityProvider provider = identity.getIfAvailable();
        if (provider == null) {
            throw EforslagProblem.noIdentityProvider();
        }
        try {
            return provider.verify(evidence);
        } catch (InvalidRequestException invalid) {
            errors.addAll(invalid.errors());
            return null;
        }
    }

    private void requireResident(VerifiedPerson person) {
        if (!properties.municipalityCode().equals(person.folkbokforingskommun())) {
            throw EforslagProblem.notResident();
        }
    }

    private Proposal find(UUID id) {
        return store.find(id).orElseThrow(EforslagProblem::notFound);
    }

    private ProposalView view(Proposal proposal) {
        return ProposalView.of(proposal, store.countSignatures(proposal.id()), clock.instant());
    }

    private static String required(String value, String field, String name, int max, List<FieldViolation> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.add(new FieldViolation(field, "Skriv en " + name + "."));
        } else if (text.length() > max) {
            errors.add(new FieldViolation(field, "Texten får vara högst " + max + " tecken."));
        }
        return text;
    }
}
