package se.medborgardialog.sla.guarantee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.medborgardialog.testsupport.MutableClock;

/** The catalogue's copy in memory: re-read only when a change was counted, and another instance's change seen. */
class GuaranteeCatalogueTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final InMemoryGuaranteeStore store = new InMemoryGuaranteeStore();
    private final GuaranteeProperties properties = new GuaranteeProperties(
            List.of(Catalogues.guarantee("gatubelysning", "atgard", "P15WD")));

    private GuaranteeCatalogue instance() {
        GuaranteeCatalogue catalogue = new GuaranteeCatalogue(store, properties, clock);
        catalogue.afterPropertiesSet();
        return catalogue;
    }

    @Test
    void anUnchangedCatalogueIsReadOnceAndThenOnlyItsChangeCountIsLookedAt() {
        GuaranteeCatalogue catalogue = instance();
        assertThat(catalogue.current()).hasSize(1);
        int reads = store.wholeReads();

        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(3));
            assertThat(catalogue.current()).hasSize(1);
        }

        assertThat(store.wholeReads()).isEqualTo(reads);
    }

    @Test
    void anotherInstancesChangeIsSeenWithinTheRefreshAndItsOwnAtOnce() {
        GuaranteeCatalogue one = instance();
        GuaranteeCatalogue other = instance();
        assertThat(other.current("gatubelysning").orElseThrow().version()).isEqualTo(1);
        assertThat(other.current()).extracting(StoredGuarantee::version).containsExactly(1);

        one.change("gatubelysning", Catalogues.guarantee("gatubelysning", "atgard", "P10WD"), 1, "ada");
        one.create(Catalogues.guarantee("parkbank", "atgard", "P5WD"), "ada");

        assertThat(one.current()).extracting(StoredGuarantee::guaranteeId, StoredGuarantee::version)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("gatubelysning", 2),
                        org.assertj.core.groups.Tuple.tuple("parkbank", 1));
        assertThat(other.current()).extracting(StoredGuarantee::version).containsExactly(1);
        clock.advance(GuaranteeCatalogue.REFRESH.plusSeconds(1));
        assertThat(other.current()).extracting(StoredGuarantee::guaranteeId, StoredGuarantee::version)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("gatubelysning", 2),
                        org.assertj.core.groups.Tuple.tuple("parkbank", 1));
    }

    @Test
    void aVersionStoredWithoutItsCountIsSeenAfterTheLongReload() {
        GuaranteeCatalogue catalogue = instance();
        assertThat(catalogue.current()).extracting(StoredGuarantee::version).containsExactly(1);
        store.insert(StoredGuarantee.of(Catalogues.guarantee("gatubelysning", "atgard", "P10WD"), 2, clock.instant(),
                "crashed-before-counting"));

        clock.advance(GuaranteeCatalogue.REFRESH.plusSeconds(1));
        assertThat(catalogue.current()).extracting(StoredGuarantee::version).containsExactly(1);
        clock.advance(GuaranteeCatalogue.RELOAD);
        assertThat(catalogue.current()).extracting(StoredGuarantee::version).containsExactly(2);
    }
}
