package se.medborgardialog.reporting.statistics;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxRange         the longest date range one request may ask for
 * @param suppressionLimit in public exports, counts from 1 up to this (exclusive) are suppressed
 */
@ConfigurationProperties("reporting.statistics")
public record StatisticsProperties(@DefaultValue("P3Y") Period maxRange, @DefaultValue("5") int suppressionLimit) {
}
