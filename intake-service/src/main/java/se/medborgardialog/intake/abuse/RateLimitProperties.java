package se.medborgardialog.intake.abuse;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client rate limits on the public endpoints ({@code intake.rate-limit.*}). A client is its address as the
 * servlet container sees it (behind a proxy, set {@code server.forward-headers-strategy: native} so that is the
 * citizen's, not the proxy's). Logged-in staff are not limited.
 *
 * @param enabled            false turns the limits off (for example for a load test on a closed network)
 * @param submissions        what one client may send: every POST, PUT, PATCH or DELETE
 * @param lookups            what one client may read: every other GET of a page or the API
 * @param unlimitedAddresses addresses never limited, e.g. a contact centre's gateway (exact strings as the
 *                           container reports them, such as {@code 10.0.0.7} or {@code 0:0:0:0:0:0:0:1})
 */
@ConfigurationProperties("intake.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        Limit submissions,
        Limit lookups,
        @DefaultValue({}) List<String> unlimitedAddresses) {

    public RateLimitProperties {
        submissions = submissions != null ? submissions : new Limit(20, Duration.ofMinutes(1));
        lookups = lookups != null ? lookups : new Limit(300, Duration.ofMinutes(1));
        unlimitedAddresses = List.copyOf(unlimitedAddresses);
    }

    /**
     * A token bucket: {@code capacity} requests at once, refilled evenly over {@code period}.
     */
    public record Limit(int capacity, Duration period) {

        public Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("A rate limit's capacity must be at least 1, was " + capacity);
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A rate limit's period must be positive, was " + period);
            }
        }
    }
}
