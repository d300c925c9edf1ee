package se.medborgardialog.cases.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.personaldata.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

class PersonalDataAtRestTests {

    private final PersonalDataCipher cipher = new PersonalDataCipher("t1",
            Map.of("t1", "ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMtISE="));
    private final PersonalDataAtRest.EncryptedText text = new PersonalDataAtRest.EncryptedText(cipher);
    private final PersonalDataAtRest.EncryptedContact contact =
            new PersonalDataAtRest.EncryptedContact(cipher, JsonMapper.builder().build());

    @Test
    void writesTextAndContactEncryptedAndReadsThemBack() {
        String storedText = text.write("Gatlampan är trasig.", null);
        Object storedContact = contact.write(new Contact("Greta", "greta@example.se", null), null);

        assertThat(storedText).startsWith("pd1:t1:").doesNotContain("Gatlampan");
        assertThat((String) storedContact).startsWith("pd1:t1:").doesNotContain("greta");
        assertThat(text.read(storedText, null)).isEqualTo("Gatlampan är trasig.");
        assertThat(contact.read(storedContact, null)).isEqualTo(new Contact("Greta", "greta@example.se", null));
    }

    @Test
    void readsWhatWasStoredPlainBeforeEncryption() {
        assertThat(text.read("Gammal klartext", null)).isEqualTo("Gammal klartext");
        assertThat(contact.read(new Document("name", "Greta").append("email", "greta@example.se"), null))
                .isEqualTo(new Contact("Greta", "greta@example.se", null));
    }
}
