package se.medborgardialog.cases.casework;

import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import se.medborgardialog.cases.opening.RoutingProperties;
import se.medborgardialog.cases.security.Colleagues;

/** The units a case can be forwarded to: those routing sends cases to, and those staff work in. */
@Component
class KnownUnits {

    private final RoutingProperties routing;
    private final Colleagues colleagues;

    KnownUnits(RoutingProperties routing, Colleagues colleagues) {
        this.routing = routing;
        this.colleagues = colleagues;
    }

    boolean contains(String unit) {
        return all().contains(unit);
    }

    /** Every known unit, by name (the forward form's choices). */
    SortedSet<String> all() {
        SortedSet<String> known = new TreeSet<>(routing.units().values());
        known.add(routing.defaultUnit());
        known.addAll(colleagues.units());
        return known;
    }
}
