package se.medborgardialog.intake.publishing;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.AvvikelsePersonalData;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.CitizenReplied;
import se.medborgardialog.contracts.CitizenReplyPersonalData;
import se.medborgardialog.contracts.FelanmalanPersonalData;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.SynpunktPersonalData;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.personaldata.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals the personal data of the events intake publishes (text, contact details, the person an avvikelse
 * concerns) before they reach Kafka, whose log is storage too: the fields move, encrypted, into the event's
 * {@code sealed} field, under the event key set intake shares with case-service ({@code intake.event-keys}).
 * Consumers without the key (sla, reporting) never see them; intake unseals what it reads back and needs.
 */
@Component
@EnableConfigurationProperties(EventSeal.EventKeyProperties.class)
public class EventSeal {

    /**
     * @param currentKeyId the key new events are sealed with
     * @param keys         every key still needed to read events on the topics, by id: 32 bytes each, base64
     */
    @ConfigurationProperties("intake.event-keys")
    record EventKeyProperties(String currentKeyId, Map<String, String> keys) {

        EventKeyProperties {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }
    }

    private final PersonalDataCipher cipher;
    private final JsonMapper json;

    EventSeal(EventKeyProperties properties, JsonMapper json) {
        if (properties.currentKeyId() == null) {
            throw new IllegalStateException("intake.event-keys.current-key-id is not set");
        }
        this.cipher = new PersonalDataCipher(properties.currentKeyId(), properties.keys());
        this.json = json;
    }

    public SynpunktSubmitted seal(SynpunktSubmitted e) {
        return new SynpunktSubmitted(e.submissionId(), e.trackingCode(), e.kind(), e.category(), null, e.channel(),
                e.receivedAt(), e.submittedAt(), null, e.registeredBy(), e.attachments(),
                seal(new SynpunktPersonalData(e.text(), e.contact())), e.concerns());
    }

    public FelanmalanSubmitted seal(FelanmalanSubmitted e) {
        return new FelanmalanSubmitted(e.submissionId(), e.trackingCode(), e.category(), null, e.location(),
                e.photos(), e.channel(), e.receivedAt(), e.submittedAt(), null, e.duplicateOf(),
                seal(new FelanmalanPersonalData(e.description(), e.contact())));
    }

    public AvvikelseReported seal(AvvikelseReported e) {
        return new AvvikelseReported(e.submissionId(), e.trackingCode(), e.law(), e.legalFlow(), e.unit(), null,
                e.occurredAt(), e.noticedAt(), null, null, e.reportedBy(), e.submittedAt(),
                seal(new AvvikelsePersonalData(e.whatHappened(), e.immediateMeasures(), e.affectedPerson())));
    }

    public CitizenReplied seal(CitizenReplied e) {
        return new CitizenReplied(e.caseId(), e.replyId(), e.trackingCode(), e.repliedAt(), null,
                seal(new CitizenReplyPersonalData(e.text())));
    }

    /** The report with its description and contact back in the plain fields (as they are when never sealed). */
    public FelanmalanSubmitted unseal(FelanmalanSubmitted e) {
        if (e.sealed() == null) {
            return e;
        }
        FelanmalanPersonalData personal = json.readValue(cipher.decrypt(e.sealed()), FelanmalanPersonalData.class);
        return new FelanmalanSubmitted(e.submissionId(), e.trackingCode(), e.category(), personal.description(),
                e.location(), e.photos(), e.channel(), e.receivedAt(), e.submittedAt(), personal.contact(),
                e.duplicateOf(), null);
    }

    private String seal(Object personalData) {
        return cipher.encrypt(json.writeValueAsString(personalData));
    }
}
