package se.medborgardialog.intake.category;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the units that handle cases are called, for citizens ({@code intake.units}: unit id → name). The ids are
 * case-service's routing targets (docs/conventions.md); a unit without a name here is shown by its id.
 */
@ConfigurationProperties("intake")
public record UnitNames(Map<String, String> units) {

    public UnitNames {
        units = units == null ? Map.of() : Map.copyOf(units);
    }

    public String nameOf(String unit) {
        return unit == null ? null : units.getOrDefault(unit, unit);
    }
}
