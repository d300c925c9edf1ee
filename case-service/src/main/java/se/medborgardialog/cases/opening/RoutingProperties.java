package se.medborgardialog.cases.opening;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which unit's queue a category goes to ({@code cases.routing.*}); anything unknown goes to the default unit.
 *
 * @param units       category → unit
 * @param defaultUnit where unknown and missing categories go
 */
@ConfigurationProperties("cases.routing")
public record RoutingProperties(Map<String, String> units, @DefaultValue("medborgarservice") String defaultUnit) {

    public RoutingProperties {
        units = units == null ? Map.of() : Map.copyOf(units);
    }

    public String unitFor(String category) {
        if (category == null) {
            return defaultUnit;
        }
        return units.getOrDefault(category, defaultUnit);
    }
}
