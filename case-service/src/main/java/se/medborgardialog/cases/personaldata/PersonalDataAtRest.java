package se.medborgardialog.cases.personaldata;

import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoConversionContext;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoValueConverter;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CitizenQuestion;
import se.medborgardialog.cases.casework.CitizenReply;
import se.medborgardialog.cases.casework.Forwarding;
import se.medborgardialog.cases.casework.InternalNote;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.personaldata.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen's personal data on a case is encrypted in the store ({@link PersonalDataCipher}, AES-256-GCM,
 * {@code cases.personal-data.*}): the submission's text and the contact details, the officers' questions to the
 * citizen, the citizen's replies, internal notes and forwarding reasons, written as {@code pd1:…} strings
 * and opened again only when a case is read into memory (the queue never reads them; the case view is audited).
 * Values stored before this were plain and are still read as they are.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataAtRest {

    @Bean
    MongoCustomConversions mongoCustomConversions(PersonalDataCipher cipher, JsonMapper json) {
        return MongoCustomConversions.create(conversions -> conversions.configurePropertyConversions(registrar -> registrar
                .registerConverter(Case.class, "text", new EncryptedText(cipher))
                .registerConverter(Case.class, "contact", new EncryptedContact(cipher, json))
                .registerConverter(CitizenQuestion.class, "text", new EncryptedText(cipher))
                .registerConverter(CitizenReply.class, "text", new EncryptedText(cipher))
                .registerConverter(InternalNote.class, "text", new EncryptedText(cipher))
                .registerConverter(Forwarding.class, "reason", new EncryptedText(cipher))));
    }

    /** A string stored encrypted. */
    record EncryptedText(PersonalDataCipher cipher) implements MongoValueConverter<String, String> {

        @Override
        public String write(String value, MongoConversionContext context) {
            return cipher.encrypt(value);
        }

        @Override
        public String read(String value, MongoConversionContext context) {
            return PersonalDataCipher.isEncrypted(value) ? cipher.decrypt(value) : value;
        }
    }

    /** Contact details stored as their encrypted JSON; a plain sub-document from before is read as it is. */
    record EncryptedContact(PersonalDataCipher cipher, JsonMapper json) implements MongoValueConverter<Contact, Object> {

        @Override
        public Object write(Contact value, MongoConversionContext context) {
            return cipher.encrypt(json.writeValueAsString(value));
        }

        @Override
        public Contact read(Object value, MongoConversionContext context) {
            if (value instanceof Document plain) {
                return new Contact(plain.getString("name"), plain.getString("email"), plain.getString("phone"));
            }
            return json.readValue(cipher.decrypt((String) value), Contact.class);
        }
    }
}
