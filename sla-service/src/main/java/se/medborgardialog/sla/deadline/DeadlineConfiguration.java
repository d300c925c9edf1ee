package se.medborgardialog.sla.deadline;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import se.medborgardialog.outbox.RelayDue;

@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    /**
     * The driver's own java.time codecs: a LocalDate (dueDate) is stored as UTC midnight, independent of
     * the JVM's default zone (Spring Data's converters would use it, and a zone change would shift days).
     */
    /** When the relay scans for pending events; a failed send here and a full batch give it a reason. */
    @Bean
    RelayDue relayDue(Clock clock, SlaProperties properties) {
        return new RelayDue(clock, properties.relay().grace(), properties.relay().interval(), properties.relay().sweep());
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(config -> config.useNativeDriverJavaTimeCodecs());
    }
}
