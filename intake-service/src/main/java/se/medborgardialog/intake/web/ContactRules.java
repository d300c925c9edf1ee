package se.medborgardialog.intake.web;

import java.util.List;
import java.util.regex.Pattern;
import se.medborgardialog.contracts.Contact;

/** The rules for a person's optional contact details, the same for every kind of submission. */
public final class ContactRules {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+\\- ]{1,30}$");

    private ContactRules() {
    }

    /**
     * Checks the details as given (blank means absent), adding a Swedish error per bad field under
     * {@code contact.name}, {@code contact.email} and {@code contact.phone}.
     *
     * @return the contact, or null when every field is absent
     */
    public static Contact check(String givenName, String givenEmail, String givenPhone, List<FieldViolation> errors) {
        String name = blankToNull(givenName);
        String email = blankToNull(givenEmail);
        String phone = blankToNull(givenPhone);
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldViolation("contact.name", "Namnet får vara högst " + MAX_NAME_LENGTH + " tecken."));
        }
        if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldViolation("contact.email", "Ogiltig e-postadress."));
        }
        if (phone != null && (!PHONE.matcher(phone).matches() || phone.chars().noneMatch(Character::isDigit))) {
            errors.add(new FieldViolation("contact.phone",
                    "Ogiltigt telefonnummer. Använd siffror, mellanslag, + och -, högst 30 tecken."));
        }
        if (name == null && email == null && phone == null) {
            return null;
        }
        return new Contact(name, email, phone);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
