package se.medborgardialog.reporting.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as Swedish text: a space (no-break) between thousands, a decimal comma, a minus sign, a space before the
 * per cent sign: {@code 12 345}, {@code 85,7 %}, {@code −3 (−2,1 %)}.
 */
public final class SwedishNumbers {

    static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    static final char MINUS = '\u2212';
    private static final char NO_BREAK_SPACE = '\u00a0';

    private SwedishNumbers() {
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(SWEDISH);
        symbols.setGroupingSeparator(NO_BREAK_SPACE);
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign(MINUS);
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    public static String count(long value) {
        return format("#,##0").format(value);
    }

    /** A share (0.8571) as per cent with one decimal: {@code 85,7 %}; a dash without one. */
    public static String percent(BigDecimal share) {
        if (share == null) {
            return "–";
        }
        return format("#,##0.0").format(share.multiply(BigDecimal.valueOf(100))) + NO_BREAK_SPACE + "%";
    }

    /** A change with its sign: {@code +12}, {@code −3}, {@code 0}. */
    public static String signedCount(long change) {
        return (change > 0 ? "+" : "") + count(change);
    }

    /** The change from {@code before} to {@code now} in per cent with its sign, or a dash when before was 0. */
    public static String changePercent(long before, long now) {
        if (before == 0) {
            return "–";
        }
        BigDecimal change = BigDecimal.valueOf(now - before).divide(BigDecimal.valueOf(before), 4, RoundingMode.HALF_UP);
        return (change.signum() > 0 ? "+" : "") + percent(change);
    }

    /** Percentage points between two shares: {@code +4,2 procentenheter}. */
    public static String changePoints(BigDecimal before, BigDecimal now) {
        if (before == null || now == null) {
            return "–";
        }
        BigDecimal points = now.subtract(before).multiply(BigDecimal.valueOf(100));
        return (points.signum() > 0 ? "+" : "") + format("#,##0.0").format(points) + NO_BREAK_SPACE + "procentenheter";
    }
}
