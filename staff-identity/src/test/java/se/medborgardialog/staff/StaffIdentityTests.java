package se.medborgardialog.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class StaffIdentityTests {

    private static Map<String, Object> keycloakClaims() {
        return Map.of(
                "preferred_username", "anna",
                "realm_access", Map.of("roles", List.of("officer", "lex-sarah", "default-roles-medborgardialog")),
                "units", List.of("/enheter/stadsmiljo", "omsorg"));
    }

    @Test
    void readsKeycloaksRealmRolesAndGroupPathsAsRolesAndUnits() {
        StaffIdentity anna = StaffIdentity.fromClaims(keycloakClaims(), StaffClaims.KEYCLOAK);

        assertThat(anna.username()).isEqualTo("anna");
        assertThat(anna.roles()).containsExactlyInAnyOrder("OFFICER", "LEX_SARAH", "DEFAULT_ROLES_MEDBORGARDIALOG");
        assertThat(anna.units()).containsExactlyInAnyOrder("stadsmiljo", "omsorg");
        assertThat(anna.authorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_OFFICER", "ROLE_LEX_SARAH");
    }

    @Test
    void readsOtherClaimNamesWhenConfiguredAndSpaceSeparatedValues() {
        StaffClaims custom = new StaffClaims("sub", "roller", "enheter");

        StaffIdentity identity = StaffIdentity.fromClaims(
                Map.of("sub", "u-17", "roller", "manager statistician", "enheter", "utbildning"), custom);

        assertThat(identity.username()).isEqualTo("u-17");
        assertThat(identity.roles()).containsExactlyInAnyOrder("MANAGER", "STATISTICIAN");
        assertThat(identity.units()).containsExactly("utbildning");
    }

    @Test
    void aTokenWithoutRolesOrUnitsGivesNeither() {
        StaffIdentity nobody = StaffIdentity.fromClaims(Map.of("preferred_username", "ny"), StaffClaims.KEYCLOAK);

        assertThat(nobody.roles()).isEmpty();
        assertThat(nobody.units()).isEmpty();
    }

    @Test
    void refusesATokenThatNamesNobody() {
        assertThatThrownBy(() -> StaffIdentity.fromClaims(Map.of("sub", "x"), StaffClaims.KEYCLOAK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("preferred_username");
    }

    @Test
    void theConverterMakesTheServicesOwnPrincipalWithTheTokensAuthorities() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claims(claims -> claims.putAll(keycloakClaims()))
                .issuedAt(Instant.parse("2026-12-03T08:00:00Z")).expiresAt(Instant.parse("2026-12-03T08:05:00Z"))
                .build();
        var converter = new StaffJwtAuthenticationConverter(StaffClaims.KEYCLOAK, identity -> "user:" + identity.units());

        var authentication = converter.convert(jwt);

        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getName()).isEqualTo("anna");
        assertThat(authentication.getPrincipal()).asString().startsWith("user:");
        assertThat(authentication.getCredentials()).isSameAs(jwt);
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_OFFICER");
    }
}
