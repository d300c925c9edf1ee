package se.medborgardialog.reporting.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The development users: read from configuration as they are, never re-encoded after a login. */
class DevelopmentUsersTests {

    private final UserDetailsService users = new SecurityConfiguration().userDetailsService(new StaffProperties(
            List.of(new StaffProperties.User("vera", "{noop}utveckling", List.of("MANAGER"), Set.of("omsorg"))), null));

    @Test
    void aUserIsReadWithItsRolesAndConfiguredPassword() {
        UserDetails vera = users.loadUserByUsername("vera");

        assertThat(vera.getPassword()).isEqualTo("{noop}utveckling");
        assertThat(vera.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_MANAGER");
        assertThatThrownBy(() -> users.loadUserByUsername("okand")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void passwordsAreNotUpgradedToBcryptAfterALogin() {
        // Spring Security upgrades the encoding through a UserDetailsPasswordService when the user store is one; then
        // every HTTP Basic request pays for a BCrypt check
        assertThat(users).isNotInstanceOf(UserDetailsPasswordService.class);
    }
}
