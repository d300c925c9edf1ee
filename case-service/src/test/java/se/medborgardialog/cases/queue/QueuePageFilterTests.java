package se.medborgardialog.cases.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.medborgardialog.cases.casework.QueueFilter;

class QueuePageFilterTests {

    private static QueueEntry entry(String caseType, String category, String channel) {
        return new QueueEntry("c1", "2026-000123", "7KQF-3M9X-WD2P-8HNA", "KLAGOMAL", category, "stadsmiljo", channel,
                Instant.parse("2026-11-23T10:00:00Z"), "open", null, null, null, false, caseType, null, null, null,
                List.of());
    }

    @Test
    void blankMeansAnyAndTheStatusDefaultsToTheOpenCases() {
        QueuePageFilter filter = new QueuePageFilter(" ", " ", "", null, "", "  ");

        assertThat(filter.errors()).isEmpty();
        assertThat(filter.queueStatus()).isEqualTo("open");
        assertThat(filter.filtersBeyondStatus()).isFalse();
        assertThat(filter.matches(entry("FELANMALAN", "potthal", "APP"))).isTrue();
    }

    @Test
    void narrowsTheStoresQueueToTheUsersOwnCasesOrToNobodys() {
        assertThat(new QueuePageFilter(null, "mina", null, null, null, null).queueFilter("anna"))
                .isEqualTo(new QueueFilter("anna", false, null, null, null, null, null));
        assertThat(new QueuePageFilter(null, "ingen", null, null, null, null).queueFilter("anna"))
                .isEqualTo(new QueueFilter(null, true, null, null, null, null, null));
        assertThat(new QueuePageFilter(null, null, null, null, null, null).queueFilter("anna"))
                .isEqualTo(QueueFilter.NONE);
    }

    @Test
    void mapsTheSwedishStatusWordsToTheQueues() {
        assertThat(new QueuePageFilter("vantar", null, null, null, null, null).queueStatus()).isEqualTo("waiting");
        assertThat(new QueuePageFilter("besvarade", null, null, null, null, null).queueStatus()).isEqualTo("answered");
        assertThat(new QueuePageFilter("avslutade", null, null, null, null, null).queueStatus()).isEqualTo("closed");
        assertThat(new QueuePageFilter("alla", null, null, null, null, null).queueStatus()).isEqualTo("all");
    }

    @Test
    void filtersByTypeCategoryAndChannelInTheirLowerCaseHyphenatedWords() {
        QueuePageFilter filter = new QueuePageFilter(null, null, "e-forslag", "kultur-och-fritid", "e-post", null);

        assertThat(filter.errors()).isEmpty();
        assertThat(filter.matches(entry("E_FORSLAG", "kultur-och-fritid", "E_POST"))).isTrue();
        assertThat(filter.matches(entry("SYNPUNKT", "kultur-och-fritid", "E_POST"))).isFalse();
        assertThat(filter.matches(entry("E_FORSLAG", "bygglov", "E_POST"))).isFalse();
        assertThat(filter.matches(entry("E_FORSLAG", "kultur-och-fritid", "WEB"))).isFalse();
    }

    @Test
    void findsByDiarienummerOrSparningskodWhateverTheCaseSpacesAndHyphens() {
        QueueEntry entry = entry("SYNPUNKT", "ovrigt", "WEB");

        assertThat(new QueuePageFilter(null, null, null, null, null, "2026-000123").matches(entry)).isTrue();
        assertThat(new QueuePageFilter(null, null, null, null, null, "2026000123").matches(entry)).isTrue();
        assertThat(new QueuePageFilter(null, null, null, null, null, "7kqf 3m9x-wd2p8hna").matches(entry)).isTrue();
        assertThat(new QueuePageFilter(null, null, null, null, null, "2026-000124").matches(entry)).isFalse();
        assertThat(new QueuePageFilter(null, null, null, null, null, "--").matches(entry)).isFalse();
    }

    @Test
    void namesEachFieldWithAnUnknownValue() {
        QueuePageFilter filter = new QueuePageFilter("konstig", "andras", "blankett", null, "brevduva",
                "x".repeat(101));

        assertThat(filter.errors()).containsOnlyKeys("status", "tilldelad", "typ", "kanal", "sok");
    }
}
