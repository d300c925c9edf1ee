package se.medborgardialog.sla.guarantee;

import java.util.List;
import java.util.Optional;

/** Where the catalogue's versions live; single-document operations only. */
public interface GuaranteeStore {

    /** Stores a new version; {@code false} when that id and version exist already. */
    boolean insert(StoredGuarantee guarantee);

    Optional<StoredGuarantee> find(String id, int version);

    /** Every version of every guarantee (the catalogue is small). */
    List<StoredGuarantee> findAll();

    /** How many versions have been recorded through {@link #countChange()}: read by id, without reading the catalogue. */
    long changes();

    /** Counts a new version, after it is stored: other instances reload their catalogue when the count moves. */
    void countChange();
}
