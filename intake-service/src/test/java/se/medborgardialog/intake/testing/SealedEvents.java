package se.medborgardialog.intake.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import se.medborgardialog.personaldata.PersonalDataCipher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a submission event as case-service does: checks that its personal data is sealed (no plain text on
 * Kafka), opens the seal with the development event key of application.yml, and gives the event back with the
 * personal fields where the assertions expect them.
 */
public final class SealedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PersonalDataCipher DEVELOPMENT_EVENT_KEY = new PersonalDataCipher("ev-dev1",
            Map.of("ev-dev1", "ZGV2ZWxvcG1lbnQtb25seS1ldmVudC1rZXktMzJieSE="));

    private SealedEvents() {
    }

    /** The event as it travels, with its sealed part opened into the plain fields. */
    public static JsonNode unsealed(String recordValue) {
        ObjectNode event = (ObjectNode) JSON.readTree(recordValue);
        String sealed = event.get("sealed").asString();
        assertThat(sealed).as("the sealed personal data").startsWith("pd1:ev-dev1:");
        ObjectNode personal = (ObjectNode) JSON.readTree(DEVELOPMENT_EVENT_KEY.decrypt(sealed));
        personal.properties().forEach(field -> {
            assertThat(event.get(field.getKey()) == null || event.get(field.getKey()).isNull())
                    .as("%s travels only sealed", field.getKey()).isTrue();
            event.set(field.getKey(), field.getValue());
        });
        return event;
    }
}
