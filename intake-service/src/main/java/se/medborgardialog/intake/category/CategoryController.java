package se.medborgardialog.intake.category;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CategoryController {

    private final CategoryCatalogue catalogue;

    CategoryController(CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/categories")
    List<Category> categories() {
        return catalogue.categories();
    }
}
