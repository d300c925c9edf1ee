package se.medborgardialog.consuming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A poll of a binding in batch mode, as its records: each payload with its own headers. The binder hands a poll over
 * as one message whose payload is the list of payloads and whose per-record headers are lists beside it
 * ({@link KafkaHeaders#BATCH_CONVERTED_HEADERS}, or the raw {@link KafkaHeaders#NATIVE_HEADERS}).
 *
 * <p>Each record also gets its own place in the poll's per-record lists of the binder's headers, as a record of a
 * binding not in batch mode has it: {@link KafkaHeaders#RECEIVED_KEY}, {@link KafkaHeaders#RECEIVED_TOPIC},
 * {@link KafkaHeaders#RECEIVED_PARTITION}, {@link KafkaHeaders#OFFSET}, {@link KafkaHeaders#RECEIVED_TIMESTAMP}.
 *
 * <p>A poll whose payloads and headers differ in number is refused rather than handled: that is what a binding without
 * {@code use-native-decoding: true} gets, an empty list of payloads for a poll of byte arrays, and acknowledging it
 * would lose the poll.
 */
public final class PollRecords {

    private static final List<String> PER_RECORD = List.of(KafkaHeaders.RECEIVED_KEY, KafkaHeaders.RECEIVED_TOPIC,
            KafkaHeaders.RECEIVED_PARTITION, KafkaHeaders.OFFSET, KafkaHeaders.RECEIVED_TIMESTAMP);

    private PollRecords() {
    }

    /**
     * The poll's records in their order, each with its headers.
     *
     * @throws IllegalStateException if the poll's headers do not match its payloads one to one
     */
    @SuppressWarnings("unchecked")
    public static <T> List<Message<T>> of(Message<List<T>> poll) {
        List<T> payloads = poll.getPayload();
        Object converted = poll.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        Object raw = poll.getHeaders().get(KafkaHeaders.NATIVE_HEADERS);
        boolean convertedMatch = converted instanceof List<?> list && list.size() == payloads.size();
        boolean rawMatch = raw instanceof List<?> list && list.size() == payloads.size();
        if (!convertedMatch && !rawMatch) {
            // never acknowledge a poll whose records cannot be told apart
            throw new IllegalStateException("A poll of " + payloads.size() + " records without their headers ("
                    + size(converted) + " converted, " + size(raw) + " native); is use-native-decoding on?");
        }
        List<Message<T>> records = new ArrayList<>(payloads.size());
        for (int index = 0; index < payloads.size(); index++) {
            Map<String, Object> headers = new HashMap<>();
            if (convertedMatch) {
                headers.putAll((Map<String, Object>) ((List<?>) converted).get(index));
            } else {
                for (Header header : (Headers) ((List<?>) raw).get(index)) {
                    headers.put(header.key(), header.value());
                }
            }
            for (String perRecord : PER_RECORD) {
                if (poll.getHeaders().get(perRecord) instanceof List<?> list && list.size() == payloads.size()
                        && list.get(index) != null) {
                    headers.put(perRecord, list.get(index));
                }
            }
            records.add(MessageBuilder.createMessage(payloads.get(index), new MessageHeaders(headers)));
        }
        return records;
    }

    private static String size(Object headers) {
        return headers instanceof List<?> list ? String.valueOf(list.size()) : "no";
    }
}
