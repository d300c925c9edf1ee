package se.medborgardialog.cases.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueueFilterTests {

    private static QueueEntry entry(String caseType, String category, String channel) {
        return new QueueEntry("c1", "2026-000123", "7KQF-3M9X-WD2P-8HNA", "KLAGOMAL", category, "stadsmiljo", channel,
                Instant.parse("2026-11-23T10:00:00Z"), "open", null, null, null, false, caseType, null);
    }

    @Test
    void blankMeansAnyAndTheStatusDefaultsToTheOpenCases() {
        QueueFilter filter = new QueueFilter(" ", "", null, "", "  ");

        assertThat(filter.errors()).isEmpty();
        assertThat(filter.queueStatus()).isEqualTo("open");
        assertThat(filter.filtersBeyondStatus()).isFalse();
        assertThat(filter.matches(entry("FELANMALAN", "potthal", "APP"))).isTrue();
    }

    @Test
    void mapsTheSwedishStatusWordsToTheQueues() {
        assertThat(new QueueFilter("besvarade", null, null, null, null).queueStatus()).isEqualTo("answered");
        assertThat(new QueueFilter("avslutade", null, null, null, null).queueStatus()).isEqualTo("closed");
        assertThat(new QueueFilter("alla", null, null, null, null).queueStatus()).isEqualTo("all");
    }

    @Test
    void filtersByTypeCategoryAndChannelInTheirLowerCaseHyphenatedWords() {
        QueueFilter filter = new QueueFilter(null, "e-forslag", "kultur-och-fritid", "e-post", null);

        assertThat(filter.errors()).isEmpty();
        assertThat(filter.matches(entry("E_FORSLAG", "kultur-och-fritid", "E_POST"))).isTrue();
        assertThat(filter.matches(entry("SYNPUNKT", "kultur-och-fritid", "E_POST"))).isFalse();
        assertThat(filter.matches(entry("E_FORSLAG", "bygglov", "E_POST"))).isFalse();
        assertThat(filter.matches(entry("E_FORSLAG", "kultur-och-fritid", "WEB"))).isFalse();
    }

    @Test
    void findsByDiarienummerOrSparningskodWhateverTheCaseSpacesAndHyphens() {
        QueueEntry entry = entry("SYNPUNKT", "ovrigt", "WEB");

        assertThat(new QueueFilter(null, null, null, null, "2026-000123").matches(entry)).isTrue();
        assertThat(new QueueFilter(null, null, null, null, "2026000123").matches(entry)).isTrue();
        assertThat(new QueueFilter(null, null, null, null, "7kqf 3m9x-wd2p8hna").matches(entry)).isTrue();
        assertThat(new QueueFilter(null, null, null, null, "2026-000124").matches(entry)).isFalse();
        assertThat(new QueueFilter(null, null, null, null, "--").matches(entry)).isFalse();
    }

    @Test
    void namesEachFieldWithAnUnknownValue() {
        QueueFilter filter = new QueueFilter("konstig", "blankett", null, "brevduva", "x".repeat(101));

        assertThat(filter.errors()).containsOnlyKeys("status", "typ", "kanal", "sok");
    }
}
