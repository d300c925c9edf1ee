package se.medborgardialog.sla.watch;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The managers' watch ({@code sla.watch.*}).
 *
 * @param caseBaseUrl     where a case opens in case-service's officers' pages: the case id is appended
 * @param pageUrl         the watch page as managers reach it, for the alert mails' links
 * @param heartbeat       how often an open live stream gets a comment, so proxies keep it open
 * @param streamTimeout   how long one live stream lasts; the browser then reconnects on its own
 * @param listLimit       the most rows each list of the page shows (the most urgent)
 * @param metricsInterval how often the gauges are read from the read model
 * @param units           the units' Swedish names, for the page and the mails (a unit without one shows its id)
 */
@ConfigurationProperties("sla.watch")
public record WatchProperties(@DefaultValue("http://localhost:8082/arenden/") String caseBaseUrl,
        @DefaultValue("http://localhost:8083/bevakning") String pageUrl,
        @DefaultValue("PT15S") Duration heartbeat, @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("500") int listLimit, @DefaultValue("PT15S") Duration metricsInterval,
        @DefaultValue Map<String, String> units) {

    public String caseUrl(String caseId) {
        return caseBaseUrl + caseId;
    }

    public String unitName(String unit) {
        return units.getOrDefault(unit, unit);
    }
}
