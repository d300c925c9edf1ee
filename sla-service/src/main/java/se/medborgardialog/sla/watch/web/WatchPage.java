package se.medborgardialog.sla.watch.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import se.medborgardialog.sla.watch.WatchBroadcaster;
import se.medborgardialog.sla.watch.WatchProperties;
import se.medborgardialog.sla.watch.WatchQueries;
import se.medborgardialog.sla.watch.WatchedClock;

/**
 * {@code GET /bevakning}: the at-risk and breached cases of the manager's units, the most urgent first, and the state
 * of each guarantee; {@code GET /bevakning/handelser}: the same units' changes live, as Server-Sent Events. The page
 * shows the truth on every load; its script only keeps it current in between.
 */
@Controller
class WatchPage {

    private final WatchQueries queries;
    private final WatchBroadcaster broadcaster;
    private final WatchProperties properties;
    private final MongoTemplate mongo;

    WatchPage(WatchQueries queries, WatchBroadcaster broadcaster, WatchProperties properties, MongoTemplate mongo) {
        this.queries = queries;
        this.broadcaster = broadcaster;
        this.properties = properties;
        this.mongo = mongo;
    }

    @GetMapping("/bevakning")
    String page(@AuthenticationPrincipal WatchUser user, Model model) {
        Collection<String> units = units(user);
        model.addAttribute("signedIn", user.getUsername());
        model.addAttribute("units", units.stream().sorted().map(properties::unitName).toList());
        model.addAttribute("breached", queries.breached(units));
        model.addAttribute("atRisk", queries.atRisk(units));
        model.addAttribute("guarantees", queries.perGuarantee(units));
        model.addAttribute("listLimit", properties.listLimit());
        return "bevakning";
    }

    @GetMapping(path = "/bevakning/handelser", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter changes(@AuthenticationPrincipal WatchUser user) {
        return broadcaster.subscribe(user.getUsername(), user.watchesAllUnits() ? null : user.units());
    }

    /** Where Spring Security forwards a signed-in user without the role (and the status stays 403). */
    @RequestMapping("/bevakning/nekad")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(@AuthenticationPrincipal WatchUser user, Model model) {
        model.addAttribute("signedIn", user == null ? null : user.getUsername());
        return "nekad";
    }

    private Collection<String> units(WatchUser user) {
        if (user.watchesAllUnits()) {
            List<String> all = mongo.findDistinct("unit", WatchedClock.class, String.class);
            return Set.copyOf(all);
        }
        return user.units();
    }
}
