package se.medborgardialog.reporting.exactness;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param onStart rebuild the facts and aggregates from the topics' beginning at start-up, then swap */
@ConfigurationProperties("reporting.rebuild")
public record RebuildProperties(@DefaultValue("false") boolean onStart) {
}
