package se.medborgardialog.cases.personaldata;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data stored encrypted ({@code cases.personal-data.*}).
 *
 * @param currentKeyId the key new values are encrypted with
 * @param keys         every key still needed to read stored values, by id: 32 bytes, base64
 */
@ConfigurationProperties("cases.personal-data")
public record PersonalDataProperties(String currentKeyId, Map<String, String> keys) {

    public PersonalDataProperties {
        if (currentKeyId == null || currentKeyId.isBlank()) {
            throw new IllegalArgumentException("cases.personal-data.current-key-id must be set");
        }
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
