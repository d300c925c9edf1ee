package se.medborgardialog.intake.publishing;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.medborgardialog.personaldata.PersonalDataCipher;

/**
 * The {@link PersonalDataCipher} that encrypts personal data intake keeps at rest (the idempotency records'
 * event JSON and receipt), from {@code intake.personal-data.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyRecordCipher.PersonalDataProperties.class)
class IdempotencyRecordCipher {

    /**
     * @param currentKeyId the key new values are encrypted with
     * @param keys         every key still needed to read stored values, by id: 32 bytes each, base64
     */
    @ConfigurationProperties("intake.personal-data")
    record PersonalDataProperties(String currentKeyId, Map<String, String> keys) {

        PersonalDataProperties {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }
    }

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataProperties properties) {
        if (properties.currentKeyId() == null) {
            throw new IllegalStateException("intake.personal-data.current-key-id is not set");
        }
        return new PersonalDataCipher(properties.currentKeyId(), properties.keys());
    }
}
