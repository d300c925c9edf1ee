package se.medborgardialog.reporting.statistics;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxRange the longest receipt-date range one request may ask for */
@ConfigurationProperties("reporting.statistics")
public record StatisticsProperties(@DefaultValue("P3Y") Period maxRange) {
}
