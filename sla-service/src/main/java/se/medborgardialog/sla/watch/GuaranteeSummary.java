package se.medborgardialog.sla.watch;

/**
 * One guarantee's state in a manager's units.
 *
 * @param open              clocks still counting (running, at risk, paused)
 * @param atRisk            of those, at risk
 * @param breachedOpen      breached, the case not yet answered
 * @param metThisMonth      met this month (Stockholm time)
 * @param breachedThisMonth breached this month
 * @param shareMetText      met of those ended this month, in per cent ("87 %"), or a dash when none ended
 */
public record GuaranteeSummary(String key, String title, int open, int atRisk, int breachedOpen, int metThisMonth,
        int breachedThisMonth, String shareMetText) {

    static final class Builder {
        private final String key;
        private String title;
        int open;
        int atRisk;
        int breachedOpen;
        int metThisMonth;
        int breachedThisMonth;

        Builder(String key) {
            this.key = key;
        }

        void title(String guaranteeTitle, Integer version) {
            if (guaranteeTitle != null && title == null) {
                title = version == null ? guaranteeTitle : guaranteeTitle + " (version " + version + ")";
            }
        }

        GuaranteeSummary build() {
            int ended = metThisMonth + breachedThisMonth;
            String share = ended == 0 ? "–" : Math.round(100.0 * metThisMonth / ended) + " %";
            return new GuaranteeSummary(key, title == null ? key : title, open, atRisk, breachedOpen, metThisMonth,
                    breachedThisMonth, share);
        }
    }
}
