package se.medborgardialog.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table per fault: printed, and written as JSON and Markdown into {@code target/fault-results/}. */
final class Report {

    private Report() {
    }

    static String markdown(String suite, Duration took, List<FaultResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("Fault suite `").append(suite).append("`, ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(took.toSeconds())
                .append(" s\n\n");
        md.append("| fault | acknowledged | cases | duplicates | lost | dead-lettered | clocks due | fired once | fired twice "
                + "| statistics = store | answers (status × n) | violations |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
        for (FaultResult r : results) {
            md.append("| ").append(r.fault()).append(" | ").append(r.acknowledged()).append(" | ").append(r.cases())
                    .append(" | ").append(r.duplicates()).append(" | ").append(r.lost()).append(" | ")
                    .append(r.deadLettered()).append(" | ").append(r.clocksDue()).append(" | ").append(r.firedOnce())
                    .append(" | ").append(r.firedTwice()).append(" | ").append(r.statistics() ? "yes" : "**no**")
                    .append(" | ").append(statuses(r.statuses())).append(" | ")
                    .append(r.violations().isEmpty() ? "none" : String.join("<br>", r.violations()).replace("|", "\\|"))
                    .append(" |\n");
        }
        return md.toString();
    }

    static void write(String suite, Duration took, List<FaultResult> results) {
        String md = markdown(suite, took, results);
        System.out.println();
        System.out.println(md);
        Path dir = Path.of("target", "fault-results");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("faults-" + suite + ".md"), md);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("suite", suite);
            json.put("finishedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            json.put("cores", Runtime.getRuntime().availableProcessors());
            json.put("seconds", took.toSeconds());
            json.put("faults", results);
            Files.writeString(dir.resolve("faults-" + suite + ".json"),
                    Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String statuses(Map<Integer, Long> statuses) {
        StringBuilder s = new StringBuilder();
        statuses.forEach((status, n) -> s.append(s.isEmpty() ? "" : ", ").append(status == 0 ? "refused" : status)
                .append("×").append(n));
        return s.toString();
    }
}
