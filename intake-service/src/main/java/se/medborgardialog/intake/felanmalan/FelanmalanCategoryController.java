package se.medborgardialog.intake.felanmalan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Felanmälan", description = "Anmäl ett fel i den fysiska miljön / report a fault")
class FelanmalanCategoryController {

    private final FelanmalanProperties properties;

    FelanmalanCategoryController(FelanmalanProperties properties) {
        this.properties = properties;
    }

    @Operation(summary = "Kategorierna en felanmälan kan ha / the felanmälan catalogue (public)")
    @GetMapping("/api/v1/felanmalan/kategorier")
    List<FelanmalanCategory> categories() {
        return properties.categories();
    }
}
