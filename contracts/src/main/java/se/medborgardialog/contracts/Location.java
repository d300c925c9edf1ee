package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where a fault is: WGS84 coordinates and/or a street address. Either the pair of coordinates or the address
 * (or both) is present.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Location(Double latitude, Double longitude, String address) {
}
