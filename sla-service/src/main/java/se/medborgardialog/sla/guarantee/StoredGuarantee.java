package se.medborgardialog.sla.guarantee;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of one guarantee in the {@code guarantees} collection, under {@code <id>:<version>}: a unique key, so
 * two writers of the same next version cannot both succeed, and a version is found by an index lookup.
 *
 * @param recordedBy the administrator, or {@code konfiguration} for the defaults of the configuration
 */
@Document("guarantees")
public record StoredGuarantee(@Id String key, String guaranteeId, int version, GuaranteeDefinition definition,
        Instant recordedAt, String recordedBy) {

    public static String key(String id, int version) {
        return id + ":" + version;
    }

    public static StoredGuarantee of(GuaranteeDefinition definition, int version, Instant at, String by) {
        return new StoredGuarantee(key(definition.id(), version), definition.id(), version, definition, at, by);
    }

    public Guarantee guarantee() {
        return definition.toGuarantee(version);
    }
}
