package se.medborgardialog.cases.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPropertiesTests {

    private final RoutingProperties routing = new RoutingProperties(
            Map.of("gata-och-trafik", "stadsmiljo", "park-och-natur", "stadsmiljo", "bygglov", "bygg-och-miljo"),
            "medborgarservice");

    @Test
    void routesAKnownCategoryToItsUnit() {
        assertThat(routing.unitFor("park-och-natur")).isEqualTo("stadsmiljo");
        assertThat(routing.unitFor("bygglov")).isEqualTo("bygg-och-miljo");
    }

    @Test
    void routesUnknownAndMissingCategoriesToTheDefaultUnit() {
        assertThat(routing.unitFor("snöröjning-på-månen")).isEqualTo("medborgarservice");
        assertThat(routing.unitFor(null)).isEqualTo("medborgarservice");
    }

    @Test
    void toleratesAnEmptyTable() {
        assertThat(new RoutingProperties(null, "medborgarservice").unitFor("bygglov")).isEqualTo("medborgarservice");
    }
}
