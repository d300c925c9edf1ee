package se.medborgardialog.intake.felanmalan;

import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.Location;

/** A checked felanmälan; {@code location} has both coordinates or neither, and/or an address. */
record ValidFelanmalan(String category, String description, Location location, Contact contact, Channel channel) {

    boolean hasCoordinates() {
        return location.latitude() != null && location.longitude() != null;
    }
}
