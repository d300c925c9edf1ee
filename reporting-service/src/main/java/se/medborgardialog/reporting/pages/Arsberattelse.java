package se.medborgardialog.reporting.pages;

import java.util.List;

/**
 * A förvaltning's årsberättelse for one year, as text ready for the page and the PDF (Swedish number formatting
 * done): no personal data, only the aggregates' figures of the nämnd's units (a manager's: only her own).
 */
record Arsberattelse(String municipality, String forvaltning, String forvaltningName, int year, int previousYear,
                     boolean ownUnitsOnly, List<Volume> volumes, Volume total, List<Compliance> compliance,
                     List<Guarantee> guarantees, List<String> avvikelser, List<Category> topCategories) {

    /** Received cases of one kind this year and the year before, and the change in numbers and per cent. */
    record Volume(String label, long received, long previous, String receivedText, String previousText,
                  String change, String changePercent) {
    }

    /** A rule's share met this year and the year before: the two-working-day rule, the answer deadlines. */
    record Compliance(String rule, String answered, String share, String previousShare, String change) {
    }

    record Guarantee(String name, String type, String met, String breached, String compensations, String share,
                     String previousShare) {
    }

    record Category(String name, String received, String share) {
    }
}
