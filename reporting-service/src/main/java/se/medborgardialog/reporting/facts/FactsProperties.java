package se.medborgardialog.reporting.facts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deadlineClocks the sla-service clocks that time the answer to the citizen ({@code first-answer} for
 *                       synpunkter, {@code namnd-answer} for e-förslag): their outcome is "answered within the
 *                       deadline"; every clock still counts per guarantee
 */
@ConfigurationProperties("reporting.facts")
public record FactsProperties(@DefaultValue({"first-answer", "namnd-answer"}) List<String> deadlineClocks) {
}
