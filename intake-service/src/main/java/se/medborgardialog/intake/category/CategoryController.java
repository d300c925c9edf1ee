package se.medborgardialog.intake.category;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Kategorier", description = "Kategorikatalogen / the category catalogue")
class CategoryController {

    private final CategoryCatalogue catalogue;

    CategoryController(CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "Kategorierna en synpunkt kan ha / the categories a synpunkt can have (public)")
    @GetMapping("/api/v1/categories")
    List<Category> categories() {
        return catalogue.categories();
    }
}
