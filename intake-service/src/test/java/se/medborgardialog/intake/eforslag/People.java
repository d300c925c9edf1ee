package se.medborgardialog.intake.eforslag;

import java.util.concurrent.atomic.AtomicInteger;

/** Valid, distinct personnummer for tests (born 1980-01-01, serials counting up; Luhn check digit). */
final class People {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 500));

    private People() {
    }

    static String next() {
        int serial = SERIAL.incrementAndGet() % 1000;
        return personnummer("800101", serial);
    }

    static String personnummer(String yymmdd, int serial) {
        String nine = yymmdd + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int digit = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        int check = (10 - sum % 10) % 10;
        return "19" + yymmdd + "-" + nine.substring(6) + check;
    }
}
