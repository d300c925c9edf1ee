package se.medborgardialog.cases.personaldata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.medborgardialog.personaldata.PersonalDataCipher;

/** The cipher for personal data at rest (the affected person of an avvikelse). */
@Configuration
class PersonalDataConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataProperties properties) {
        return new PersonalDataCipher(properties.currentKeyId(), properties.keys());
    }
}
