package se.medborgardialog.intake.category;

import java.util.Objects;

/** A category a synpunkt can be filed under: a stable id used in events and routing, and its Swedish name. */
public record Category(String id, String name) {

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
