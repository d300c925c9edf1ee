package se.medborgardialog.sla.guarantee;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;

/** Catalogues for unit tests: the configured defaults of {@code application.yml}, or guarantees of the test's own. */
public final class Catalogues {

    /** The configured synpunkt promise, version 1, as deadline events carry it. */
    public static final GuaranteeRef SYNPUNKT_FIRST_ANSWER = new GuaranteeRef("synpunkt-svar-2-arbetsdagar", 1,
            "Svar på din synpunkt inom två arbetsdagar", GuaranteeType.RIKTLINJE);

    private Catalogues() {
    }

    /** {@code sla.guarantees} as {@code application.yml} has them, bound and checked as at start-up. */
    public static GuaranteeProperties configured() {
        try {
            var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("sla", GuaranteeProperties.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalogue in memory holding the configured defaults as version 1. */
    public static GuaranteeCatalogue defaults(Clock clock) {
        return of(clock, configured().guarantees());
    }

    public static GuaranteeCatalogue of(Clock clock, List<GuaranteeDefinition> definitions) {
        GuaranteeCatalogue catalogue = new GuaranteeCatalogue(new InMemoryGuaranteeStore(),
                new GuaranteeProperties(definitions), clock);
        catalogue.afterPropertiesSet();
        return catalogue;
    }

    /** A definition to start from: a tjänstegaranti covering any case, started on CASE_OPENED. */
    public static GuaranteeDefinition guarantee(String id, String clock, String duration) {
        return new GuaranteeDefinition(id, "Exempelkommun", "Tekniska nämnden", "Garanti " + id, "TJANSTEGARANTI",
                null, clock, duration, null, null, null, null, null, null, null, null);
    }
}
