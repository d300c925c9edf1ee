package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Names one reconciliation: the request and its answer carry it, and it is their Kafka key. */
public record ReconciliationId(@JsonValue UUID value) {

    @JsonCreator
    public ReconciliationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
