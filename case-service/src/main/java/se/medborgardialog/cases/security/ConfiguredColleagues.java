package se.medborgardialog.cases.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@link Colleagues} from the configured development users. */
@Component
class ConfiguredColleagues implements Colleagues {

    private static final Set<String> WORKS_CASES = Set.of("OFFICER", "MANAGER");

    private final SecurityProperties properties;

    ConfiguredColleagues(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<Colleague> find(String username) {
        return properties.users().stream()
                .filter(user -> user.username().equals(username))
                .filter(user -> user.roles().stream().anyMatch(WORKS_CASES::contains))
                .findFirst()
                .map(user -> new Colleague(user.username(), user.units()));
    }

    @Override
    public Set<String> units() {
        return properties.users().stream()
                .flatMap(user -> user.units().stream())
                .collect(Collectors.toUnmodifiableSet());
    }
}
