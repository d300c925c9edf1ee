package se.medborgardialog.intake.category;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The categories citizens choose from ({@code intake.categories}). The ids must match the routing table
 * case-service uses (docs/conventions.md); the names are what the web form shows.
 */
@ConfigurationProperties("intake")
public record CategoryCatalogue(List<Category> categories) {

    public CategoryCatalogue {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public boolean contains(String categoryId) {
        return categories.stream().anyMatch(category -> category.id().equals(categoryId));
    }
}
