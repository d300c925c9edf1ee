package se.medborgardialog.personaldata;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid Swedish personnummer or samordningsnummer (Skatteverket SKV 704 and 707): a real date of birth
 * (for a samordningsnummer the day plus 60), a birth number and a Luhn check digit.
 * Accepts {@code YYYYMMDD-NNNC}, {@code YYYYMMDDNNNC}, {@code YYMMDD-NNNC}, {@code YYMMDD+NNNC} (100 years or older)
 * and {@code YYMMDDNNNC}; the value kept is always the 12 digits.
 *
 * <p>{@link #toString()} masks the number, so it cannot reach a log by accident; {@link #digits()} gives it.
 */
public final class Personnummer {

    private static final Pattern FORMAT = Pattern.compile("(\\d{2})?(\\d{6})([-+]?)(\\d{4})");

    private final String digits;
    private final boolean samordningsnummer;

    private Personnummer(String digits, boolean samordningsnummer) {
        this.digits = digits;
        this.samordningsnummer = samordningsnummer;
    }

    /** Why a text is not a valid number, in Swedish for the person who typed it. */
    public enum Problem {
        FORMAT("Skriv personnumret med 12 siffror, ÅÅÅÅMMDD-NNNN."),
        DATE("Personnumret innehåller inget giltigt datum."),
        CHECK_DIGIT("Personnumret är inte giltigt: kontrollsiffran stämmer inte. Kontrollera att du skrivit rätt.");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Thrown by {@link #parse}; carries the problem, never the number. */
    public static final class InvalidPersonnummerException extends IllegalArgumentException {
        private final Problem problem;

        InvalidPersonnummerException(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** @throws InvalidPersonnummerException with the problem, when the text is not a valid number */
    public static Personnummer parse(String text, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (text == null) {
            throw new InvalidPersonnummerException(Problem.FORMAT);
        }
        Matcher m = FORMAT.matcher(text.strip().replace(" ", ""));
        if (!m.matches()) {
            throw new InvalidPersonnummerException(Problem.FORMAT);
        }
        String century = m.group(1);
        String yymmdd = m.group(2);
        String separator = m.group(3);
        String lastFour = m.group(4);
        if (century != null && separator.equals("+")) {
            throw new InvalidPersonnummerException(Problem.FORMAT);
        }
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int dayField = Integer.parseInt(yymmdd.substring(4, 6));
        boolean samordning = dayField > 60;
        int day = samordning ? dayField - 60 : dayField;
        LocalDate today = LocalDate.now(clock);
        int year;
        if (century != null) {
            year = Integer.parseInt(century + yymmdd.substring(0, 2));
        } else {
            year = inferYear(Integer.parseInt(yymmdd.substring(0, 2)), month, day, separator.equals("+"), today);
        }
        LocalDate born;
        try {
            born = LocalDate.of(year, month, day);
        } catch (DateTimeException notADate) {
            throw new InvalidPersonnummerException(Problem.DATE);
        }
        if (born.isAfter(today) || born.getYear() < 1850) {
            throw new InvalidPersonnummerException(Problem.DATE);
        }
        String tenDigits = yymmdd + lastFour;
        if (!luhnValid(tenDigits)) {
            throw new InvalidPersonnummerException(Problem.CHECK_DIGIT);
        }
        return new Personnummer(String.format("%04d", year) + yymmdd.substring(2) + lastFour, samordning);
    }

    /** @return the problem with the text, or empty when it is a valid number */
    public static Optional<Problem> problemWith(String text, Clock clock) {
        try {
            parse(text, clock);
            return Optional.empty();
        } catch (InvalidPersonnummerException invalid) {
            return Optional.of(invalid.problem());
        }
    }

    private static int inferYear(int yy, int month, int day, boolean hundredOrOlder, LocalDate today) {
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        // Born later this century-year than today would be in the future: a century earlier.
        try {
            if (LocalDate.of(year, month, day).isAfter(today)) {
                year -= 100;
            }
        } catch (DateTimeException notADate) {
            // reported as DATE by the caller
        }
        return hundredOrOlder ? year - 100 : year;
    }

    /** Luhn over the ten digits YYMMDDNNNC: weights 2,1,2,1…, digit sums, total divisible by ten. */
    static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int d = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The 12 digits, YYYYMMDDNNNC. Personal data: never log it. */
    public String digits() {
        return digits;
    }

    public boolean isSamordningsnummer() {
        return samordningsnummer;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Personnummer that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Masked: {@code YYYYMMDD-****}. */
    @Override
    public String toString() {
        return digits.substring(0, 8) + "-****";
    }
}
