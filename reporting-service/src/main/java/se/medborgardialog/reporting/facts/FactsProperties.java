package se.medborgardialog.reporting.facts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deadlineClock the sla-service clock whose outcome is reported ({@code first-answer}); deadline events
 *                      of other clocks are ignored, so one case has one due time and one outcome
 */
@ConfigurationProperties("reporting.facts")
public record FactsProperties(@DefaultValue("first-answer") String deadlineClock) {
}
