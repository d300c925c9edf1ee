package se.medborgardialog.reporting.aggregates;

/**
 * One complete set of the service's derived data: the case facts and the daily and monthly aggregates built from them.
 * A rebuild fills a new generation from the topics' beginning while the active one keeps answering, then swaps.
 * Generation 0 keeps the collection names of before generations existed.
 */
public record Generation(int number) {

    public String facts() {
        return name("caseFacts");
    }

    public String days() {
        return name("dailyStatistics");
    }

    public String months() {
        return name("monthlyStatistics");
    }

    private String name(String base) {
        return number == 0 ? base : base + "-" + number;
    }
}
