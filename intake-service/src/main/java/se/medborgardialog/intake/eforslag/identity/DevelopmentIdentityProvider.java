package se.medborgardialog.intake.eforslag.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;
import se.medborgardialog.personaldata.Personnummer;

/**
 * "Utvecklingsinloggning – inte e-legitimation": believes the personnummer and kommun the person typed, after
 * checking the number is valid. Active only with {@code intake.eforslag.identity.development=true}
 * (application-local.yml and the tests), never by default.
 */
@Component
@ConditionalOnProperty(name = "intake.eforslag.identity.development", havingValue = "true")
public class DevelopmentIdentityProvider implements IdentityProvider {

    public static final String LABEL = "Utvecklingsinloggning – inte e-legitimation";

    private static final Logger log = LoggerFactory.getLogger(DevelopmentIdentityProvider.class);
    private static final Pattern KOMMUNKOD = Pattern.compile("\\d{4}");

    private final Clock clock;

    DevelopmentIdentityProvider(Clock clock) {
        this.clock = clock;
        log.warn("E-förslag identify citizens with the development identity provider: NOT e-legitimation");
    }

    @Override
    public VerifiedPerson verify(IdentityEvidence evidence) {
        List<FieldViolation> errors = new ArrayList<>();
        Personnummer personnummer = null;
        try {
            personnummer = Personnummer.parse(evidence.personnummer(), clock);
        } catch (Personnummer.InvalidPersonnummerException invalid) {
            errors.add(new FieldViolation("personnummer", invalid.problem().message()));
        }
        String kommun = evidence.kommun() == null ? "" : evidence.kommun().strip();
        if (!KOMMUNKOD.matcher(kommun).matches()) {
            errors.add(new FieldViolation("kommun", "Ange kommunkoden med fyra siffror, till exempel 0000."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new VerifiedPerson(personnummer, kommun);
    }
}
