package se.medborgardialog.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class PollRecordsTests {

    @Test
    void eachRecordGetsItsOwnConvertedHeaders() {
        Message<List<String>> poll = MessageBuilder.withPayload(List.of("first", "second"))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS,
                        List.of(Map.of("ce_type", "one"), Map.of("ce_type", "two")))
                .build();

        List<Message<String>> records = PollRecords.of(poll);

        assertThat(records).extracting(Message::getPayload).containsExactly("first", "second");
        assertThat(records).extracting(record -> record.getHeaders().get("ce_type")).containsExactly("one", "two");
    }

    @Test
    void eachRecordGetsItsOwnPlaceInThePoll() {
        Message<List<String>> poll = MessageBuilder.withPayload(List.of("first", "second"))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(Map.of(), Map.of()))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("cases", "cases"))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(2, 2))
                .setHeader(KafkaHeaders.OFFSET, List.of(41L, 42L))
                .build();

        List<Message<String>> records = PollRecords.of(poll);

        assertThat(records).extracting(record -> record.getHeaders().get(KafkaHeaders.OFFSET))
                .containsExactly(41L, 42L);
        assertThat(records).extracting(record -> record.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION))
                .containsExactly(2, 2);
        assertThat(records.get(1).getHeaders().get(KafkaHeaders.RECEIVED_TOPIC)).isEqualTo("cases");
    }

    @Test
    void nativeHeadersServeWhenNoneWereConverted() {
        RecordHeaders first = new RecordHeaders(new RecordHeader[] {
                new RecordHeader("ce_type", "one".getBytes(StandardCharsets.UTF_8))});
        Message<List<String>> poll = MessageBuilder.withPayload(List.of("first"))
                .setHeader(KafkaHeaders.NATIVE_HEADERS, List.of(first))
                .build();

        List<Message<String>> records = PollRecords.of(poll);

        assertThat((byte[]) records.get(0).getHeaders().get("ce_type"))
                .isEqualTo("one".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPollWhosePayloadsWereLostInConversionIsRefused() {
        // what a batch binding without use-native-decoding hands over: no payloads, the poll's headers
        Message<List<String>> poll = MessageBuilder.withPayload(List.<String>of())
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(Map.of(), Map.of(), Map.of()))
                .build();

        assertThatThrownBy(() -> PollRecords.of(poll))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use-native-decoding");
    }
}
