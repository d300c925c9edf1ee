package se.medborgardialog.sla.guarantee;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalogue's defaults ({@code sla.guarantees}): stored as version 1 of each id not stored yet, at start-up; an
 * id already stored is left alone (the administrator's changes win over the file). Checked at start-up: a bad
 * guarantee stops the service with a message naming the property, e.g. {@code sla.guarantees[3].duration}.
 */
@ConfigurationProperties("sla")
public record GuaranteeProperties(@DefaultValue List<GuaranteeDefinition> guarantees) {

    public GuaranteeProperties {
        guarantees = List.copyOf(guarantees);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < guarantees.size(); i++) {
            GuaranteeDefinition definition = guarantees.get(i);
            for (GuaranteeDefinition.Problem problem : definition.problems()) {
                throw new IllegalArgumentException("sla.guarantees[" + i + "]." + kebab(problem.field()) + ": "
                        + problem.message() + (definition.id() == null ? "" : " (guarantee " + definition.id() + ")"));
            }
            if (!ids.add(definition.id())) {
                throw new IllegalArgumentException("sla.guarantees[" + i + "].id: " + definition.id() + " is used twice");
            }
        }
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
