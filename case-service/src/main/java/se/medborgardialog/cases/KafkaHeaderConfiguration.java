package se.medborgardialog.cases;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.messaging.MessageHeaders;

/**
 * CloudEvents binary mode puts the attributes in Kafka headers as plain UTF-8 strings. The binder's default
 * mapper adds a {@code spring_json_header_types} header that makes a Spring consumer decode those plain
 * strings as JSON, and lose {@code ce_type}. This mapper writes strings as raw bytes without type hints, so
 * Spring and non-Spring peers see the same record; consumers read the ce_ attributes as UTF-8 bytes. (Each service has this same small class: they share no code but the contracts.)
 */
@Configuration(proxyBeanMethods = false)
class KafkaHeaderConfiguration {

    /**
     * Read back as strings, for the payload converter. The ce_ attributes stay bytes: as strings, Spring Cloud
     * Function would recognise a CloudEvent and rewrite the attributes the consumers dispatch on.
     */
    private static final List<String> STRING_HEADERS = List.of("content-type", MessageHeaders.CONTENT_TYPE);

    /** The Kafka binder picks up a header mapper by this bean name. */
    @Bean
    KafkaHeaderMapper kafkaBinderHeaderMapper() {
        // Spring Cloud Function marks messages with ce_ headers "message-type: cloudevent"; a consumer seeing that
        // mark rewrites the attributes it dispatches on, so it stays inside the process.
        SimpleKafkaHeaderMapper mapper = new SimpleKafkaHeaderMapper("!message-type", "*");
        mapper.setMapAllStringsOut(true);
        STRING_HEADERS.forEach(header -> mapper.addRawMappedHeader(header, true));
        return mapper;
    }
}
