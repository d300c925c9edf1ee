package se.medborgardialog.intake.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The app origins allowed to call the JSON API from a browser ({@code intake.cors.allowed-origins}), e.g.
 * {@code https://app.exempelkommun.se}. Empty by default: no cross-origin access at all.
 */
@ConfigurationProperties("intake.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
