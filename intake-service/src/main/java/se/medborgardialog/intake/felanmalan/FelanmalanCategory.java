package se.medborgardialog.intake.felanmalan;

import java.util.Objects;

/**
 * A kind of fault a citizen can report: a stable id (the Open311 service code and the event's category), its
 * Swedish name and a short Swedish description of what belongs there.
 */
public record FelanmalanCategory(String id, String name, String description) {

    public FelanmalanCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
