package se.medborgardialog.intake.tracking;

import java.util.stream.Stream;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.intake.category.Category;
import se.medborgardialog.intake.category.CategoryCatalogue;
import se.medborgardialog.intake.category.UnitNames;
import se.medborgardialog.intake.felanmalan.FelanmalanCategory;
import se.medborgardialog.intake.felanmalan.FelanmalanProperties;

/**
 * The names citizens read for the ids in a status: a felanmälan's category from the felanmälan catalogue, any
 * other case's from the synpunkt catalogue, and the unit's name. An id without a name is shown as it is.
 */
final class PublicNames {

    private final CategoryCatalogue synpunktCategories;
    private final FelanmalanProperties felanmalanCategories;
    private final UnitNames units;

    PublicNames(CategoryCatalogue synpunktCategories, FelanmalanProperties felanmalanCategories, UnitNames units) {
        this.synpunktCategories = synpunktCategories;
        this.felanmalanCategories = felanmalanCategories;
        this.units = units;
    }

    String category(String caseType, String category) {
        if (category == null) {
            return null;
        }
        Stream<String> felanmalan = felanmalanCategories.categories().stream()
                .filter(candidate -> candidate.id().equals(category)).map(FelanmalanCategory::name);
        Stream<String> synpunkt = synpunktCategories.categories().stream()
                .filter(candidate -> candidate.id().equals(category)).map(Category::name);
        Stream<String> names = CaseType.FELANMALAN.name().equals(caseType)
                ? Stream.concat(felanmalan, synpunkt) : Stream.concat(synpunkt, felanmalan);
        return names.findFirst().orElse(category);
    }

    String unit(String unit) {
        return units.nameOf(unit);
    }
}
