package se.medborgardialog.sla.deadline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    /**
     * The driver's own java.time codecs: a LocalDate (dueDate) is stored as UTC midnight, independent of
     * the JVM's default zone (Spring Data's converters would use it, and a zone change would shift days).
     */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(config -> config.useNativeDriverJavaTimeCodecs());
    }
}
