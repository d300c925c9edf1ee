package se.medborgardialog.intake.abuse;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import se.medborgardialog.intake.abuse.RateLimitProperties.Limit;

/**
 * Refuses a client that sends or reads faster than its {@link RateLimitProperties limits} with {@code 429} and
 * {@code Retry-After}, before anything is read, stored or published. One token bucket per client and kind of
 * request, held in memory by each instance (two instances each allow the limit; the limit is a brake on floods
 * from one address, not an exact quota). Runs after Spring Security so that logged-in staff pass unlimited.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /** What is never counted: assets, health and metrics for the platform, and the API's documentation. */
    private static final Set<String> UNCOUNTED_PREFIXES =
            Set.of("/css/", "/favicon.ico", "/actuator/", "/swagger-ui", "/v3/api-docs", "/error");

    enum Kind {
        SUBMISSIONS, LOOKUPS
    }

    private final RateLimitProperties properties;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;
    private final Refusals refusals;

    RateLimitFilter(RateLimitProperties properties, Clock clock, Refusals refusals) {
        this.properties = properties;
        this.time = timeOf(clock);
        this.refusals = refusals;
        // A bucket left alone for its period is full again, so forgetting it then changes nothing.
        long longestPeriod = Math.max(properties.submissions().period().toNanos(),
                properties.lookups().period().toNanos());
        this.buckets = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(longestPeriod, TimeUnit.NANOSECONDS)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !properties.enabled()
                || UNCOUNTED_PREFIXES.stream().anyMatch(path::startsWith)
                || kindOf(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (properties.unlimitedAddresses().contains(client) || loggedIn()) {
            chain.doFilter(request, response);
            return;
        }
        Kind kind = kindOf(request);
        Limit limit = kind == Kind.SUBMISSIONS ? properties.submissions() : properties.lookups();
        Bucket bucket = buckets.get(kind + " " + client, key -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        refusals.tooManyRequests(request, response, kind, retryAfterSeconds);
    }

    static Kind kindOf(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "POST", "PUT", "PATCH", "DELETE" -> Kind.SUBMISSIONS;
            case "GET", "HEAD" -> Kind.LOOKUPS;
            default -> null;
        };
    }

    private Bucket newBucket(Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .withCustomTimePrecision(time)
                .build();
    }

    private static boolean loggedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** The buckets keep the service's clock, so tests move time instead of waiting for it. */
    private static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
