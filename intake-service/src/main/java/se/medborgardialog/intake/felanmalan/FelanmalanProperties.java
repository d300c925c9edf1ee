package se.medborgardialog.intake.felanmalan;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The municipality's felanmälan settings ({@code intake.felanmalan.*}).
 *
 * @param categories        the catalogue citizens choose from, in the order the form shows them
 * @param duplicateDistance in metres: a report of the same category within this distance of an open report is
 *                          linked to that report's case instead of opening a new one (FixMyStreet uses 250 m)
 * @param answerWithinWorkingDays the promise printed on the receipt (sla-service's {@code sla.felanmalan.working-days}
 *                          keeps the clock: keep the two equal)
 */
@ConfigurationProperties("intake.felanmalan")
public record FelanmalanProperties(List<FelanmalanCategory> categories, @DefaultValue("250") double duplicateDistance,
        @DefaultValue("10") int answerWithinWorkingDays) {

    public FelanmalanProperties {
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (!(duplicateDistance > 0)) {
            throw new IllegalArgumentException("intake.felanmalan.duplicate-distance must be a positive number of metres");
        }
    }

    public boolean contains(String categoryId) {
        return categories.stream().anyMatch(category -> category.id().equals(categoryId));
    }
}
