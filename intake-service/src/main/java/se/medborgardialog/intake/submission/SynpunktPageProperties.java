package se.medborgardialog.intake.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the citizen pages say about who runs them ({@code intake.municipality}).
 *
 * @param municipality the municipality's name, shown in every page title and header
 */
@ConfigurationProperties("intake")
public record SynpunktPageProperties(@DefaultValue("Kommunen") String municipality) {
}
