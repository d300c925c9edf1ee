package se.medborgardialog.reporting.statistics;

import java.util.Set;

/** Which units' figures a reader may see: every unit (statisticians) or a manager's own units. */
public record UnitScope(boolean everyUnit, Set<String> units) {

    public UnitScope {
        units = Set.copyOf(units);
    }

    public static UnitScope all() {
        return new UnitScope(true, Set.of());
    }

    public static UnitScope only(Set<String> units) {
        return new UnitScope(false, units);
    }

    public boolean includes(String unit) {
        return everyUnit || units.contains(unit);
    }
}
