package se.medborgardialog.cases.opening;

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
 * Opens the sealed personal data of the submissions intake publishes ({@code sealed}: text, contact details,
 * the person an avvikelse concerns), with the event key set intake shares ({@code cases.event-keys}), and puts it
 * back in the plain fields. An event without a seal (written before sealing) is taken as it is.
 */
@Component
@EnableConfigurationProperties(EventSeal.EventKeyProperties.class)
class EventSeal {

    /**
     * @param currentKeyId one of the keys (case-service only unseals; intake seals with its current key)
     * @param keys         every key the events on the topics may be sealed with, by id: 32 bytes each, base64
     */
    @ConfigurationProperties("cases.event-keys")
    record EventKeyProperties(String currentKeyId, Map<String, String> keys) {

        EventKeyProperties {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }
    }

    private final PersonalDataCipher cipher;
    private final JsonMapper json;

    EventSeal(EventKeyProperties properties, JsonMapper json) {
        if (properties.currentKeyId() == null) {
            throw new IllegalStateException("cases.event-keys.current-key-id is not set");
        }
        this.cipher = new PersonalDataCipher(properties.currentKeyId(), properties.keys());
        this.json = json;
    }

    SynpunktSubmitted unseal(SynpunktSubmitted e) {
        if (e.sealed() == null) {
            return e;
        }
        SynpunktPersonalData personal = json.readValue(cipher.decrypt(e.sealed()), SynpunktPersonalData.class);
        return new SynpunktSubmitted(e.submissionId(), e.trackingCode(), e.kind(), e.category(), personal.text(),
                e.channel(), e.receivedAt(), e.submittedAt(), personal.contact(), e.registeredBy(), e.attachments(),
                null, e.concerns());
    }

    FelanmalanSubmitted unseal(FelanmalanSubmitted e) {
        if (e.sealed() == null) {
            return e;
        }
        FelanmalanPersonalData personal = json.readValue(cipher.decrypt(e.sealed()), FelanmalanPersonalData.class);
        return new FelanmalanSubmitted(e.submissionId(), e.trackingCode(), e.category(), personal.description(),
                e.location(), e.photos(), e.channel(), e.receivedAt(), e.submittedAt(), personal.contact(),
                e.duplicateOf(), null);
    }

    CitizenReplied unseal(CitizenReplied e) {
        if (e.sealed() == null) {
            return e;
        }
        CitizenReplyPersonalData personal = json.readValue(cipher.decrypt(e.sealed()), CitizenReplyPersonalData.class);
        return new CitizenReplied(e.caseId(), e.replyId(), e.trackingCode(), e.repliedAt(), personal.text(), null);
    }

    AvvikelseReported unseal(AvvikelseReported e) {
        if (e.sealed() == null) {
            return e;
        }
        AvvikelsePersonalData personal = json.readValue(cipher.decrypt(e.sealed()), AvvikelsePersonalData.class);
        return new AvvikelseReported(e.submissionId(), e.trackingCode(), e.law(), e.legalFlow(), e.unit(),
                personal.whatHappened(), e.occurredAt(), e.noticedAt(), personal.immediateMeasures(),
                personal.affectedPerson(), e.reportedBy(), e.submittedAt(), null);
    }
}
