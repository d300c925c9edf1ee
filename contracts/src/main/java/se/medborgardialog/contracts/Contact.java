package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Personal data: optional contact details of the person behind a submission. Any field may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(String name, String email, String phone) {
}
