package se.medborgardialog.cases.casework;

import java.util.HashSet;
import java.util.Set;
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
        Set<String> known = new HashSet<>(routing.units().values());
        known.add(routing.defaultUnit());
        known.addAll(colleagues.units());
        return known.contains(unit);
    }
}
