package se.medborgardialog.sla.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;
import se.medborgardialog.contracts.CaseId;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring files of the compose stack (monitoring/): Prometheus scrapes the four services, and every metric its
 * alert rules and the Grafana dashboard name is one the services really register, as sla-service's
 * {@code /actuator/prometheus} shows it after a warning and a breach.
 */
class MonitoringFilesIntegrationTests extends WatchIntegrationTestSupport {

    private static final Path MONITORING = Path.of(System.getProperty("medborgardialog.home", ".."))
            .resolve("monitoring");
    private static final Pattern METRIC = Pattern.compile("\\b(medborgardialog_[a-z0-9_]+|up)\\b");
    /**
     * Metrics that another part registers: {@code up} is Prometheus's own; the fire lag histogram is the clock
     * timer's (issue 5), checked here once it exists.
     */
    private static final Set<String> REGISTERED_ELSEWHERE = Set.of("up",
            "medborgardialog_sla_fire_lag_seconds_bucket");

    @Autowired
    WatchMetrics metrics;

    @Test
    void prometheusScrapesTheFourServicesAndLoadsTheRules() throws Exception {
        Map<String, Object> config = yaml("prometheus/prometheus.yml");

        assertThat(config.get("rule_files")).isEqualTo(List.of("/etc/prometheus/alerts.yml"));
        List<String> targets = new ArrayList<>();
        for (Object job : (List<?>) config.get("scrape_configs")) {
            Map<?, ?> scrape = (Map<?, ?>) job;
            assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
            for (Object staticConfig : (List<?>) scrape.get("static_configs")) {
                ((List<?>) ((Map<?, ?>) staticConfig).get("targets")).forEach(t -> targets.add((String) t));
            }
        }
        assertThat(targets).containsExactlyInAnyOrder("intake-service:8081", "case-service:8082", "sla-service:8083",
                "reporting-service:8084");
    }

    @Test
    void everyAlertRuleAndDashboardPanelNamesMetricsTheServicesRegister() throws Exception {
        CaseId atRisk = newCase();
        CaseId breached = newCase();
        deadlines.warning(atRisk, "bygg-och-miljo", MONDAY, MONDAY.plus(Duration.ofDays(70)));
        deadlines.breached(breached, "bygg-och-miljo", MONDAY, MONDAY);
        awaitState(atRisk, WatchState.AT_RISK);
        awaitState(breached, WatchState.BREACHED);
        metrics.refresh();
        String scrape = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Set<String> registered = new LinkedHashSet<>();
        scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> registered.add(line.split("[{ ]", 2)[0]));

        Map<String, Object> rules = yaml("prometheus/alerts.yml");
        List<String> alerts = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> alert = (Map<?, ?>) rule;
                alerts.add((String) alert.get("alert"));
                assertThat(alert.get("labels")).as("labels of %s", alert.get("alert")).isNotNull();
                named.addAll(metrics((String) alert.get("expr")));
            }
        }
        assertThat(alerts).containsExactlyInAnyOrder("ArendeRiskerarAttForsenas", "TidsgransPasserad",
                "KlockorAvfyrasSent", "TjanstNere");

        JsonNode dashboard = json.readTree(Files.readString(MONITORING.resolve(
                "grafana/dashboards/medborgardialog-sla.json")));
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                named.addAll(metrics(target.get("expr").asString()));
            }
        }

        assertThat(named).contains("medborgardialog_sla_at_risk", "medborgardialog_sla_breached_open",
                "medborgardialog_sla_breaches_total", "medborgardialog_sla_fire_lag_seconds_bucket", "up");
        for (String metric : named) {
            assertThat(registered.contains(metric) || REGISTERED_ELSEWHERE.contains(metric))
                    .as("%s is registered (sla-service registers %s)", metric, registered).isTrue();
        }
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndTheDashboardFolder() throws Exception {
        Map<String, Object> datasources = yaml("grafana/provisioning/datasources/prometheus.yml");
        Map<?, ?> prometheus = (Map<?, ?>) ((List<?>) datasources.get("datasources")).get(0);
        assertThat(prometheus.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(prometheus.get("uid")).isEqualTo("prometheus");

        Map<String, Object> dashboards = yaml("grafana/provisioning/dashboards/dashboards.yml");
        Map<?, ?> provider = (Map<?, ?>) ((List<?>) dashboards.get("providers")).get(0);
        assertThat(((Map<?, ?>) provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");

        String compose = Files.readString(MONITORING.resolveSibling("docker-compose.yml"));
        assertThat(compose).contains("./monitoring/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./monitoring/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro",
                "./monitoring/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro",
                "ports: [\"9090:9090\"]", "ports: [\"3000:3000\"]");
    }

    private static Set<String> metrics(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Map<String, Object> yaml(String file) throws Exception {
        return new Yaml().load(Files.readString(MONITORING.resolve(file)));
    }
}
