package se.medborgardialog.cases.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseDeadline;
import se.medborgardialog.cases.casework.CaseStatus;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.casework.DeadlineLabel;
import se.medborgardialog.cases.casework.DeadlineProperties;
import se.medborgardialog.cases.security.CaseAccess;
import se.medborgardialog.cases.casework.LinkView;
import se.medborgardialog.cases.casework.QueueFilter;
import se.medborgardialog.cases.web.InvalidFieldException;

/** Units' queues, most urgent first (by {@code dueAt}, cases without a deadline yet last). */
@Service
class Queues {

    private static final Comparator<QueueEntry> MOST_URGENT_FIRST = Comparator
            .comparing(QueueEntry::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(QueueEntry::receivedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(QueueEntry::caseId);

    private final CaseStore store;
    private final DeadlineProperties deadlines;
    private final Clock clock;

    Queues(CaseStore store, DeadlineProperties deadlines, Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    List<QueueEntry> queue(Collection<String> units, String statusFilter) {
        return queue(units, statusFilter, QueueFilter.NONE);
    }

    List<QueueEntry> queue(Collection<String> units, String statusFilter, QueueFilter filter) {
        Instant now = clock.instant();
        List<Case> rows = store.queue(units, statuses(statusFilter), filter).stream()
                .filter(aCase -> CaseAccess.maySee(units, aCase))
                .toList();
        // one query for the other side of every row's links
        List<Case> linking = rows.isEmpty() ? List.of()
                : store.linkedTo(rows.stream().map(aCase -> aCase.caseId().toString()).toList());
        return rows.stream()
                .map(aCase -> entry(aCase, now, LinkView.of(aCase, linking)))
                .sorted(MOST_URGENT_FIRST)
                .toList();
    }

    static Set<CaseStatus> statuses(String filter) {
        return switch (filter == null ? "open" : filter.toLowerCase(Locale.ROOT)) {
            case "open" -> EnumSet.of(CaseStatus.OPEN);
            case "waiting" -> EnumSet.of(CaseStatus.WAITING_FOR_CITIZEN);
            case "answered" -> EnumSet.of(CaseStatus.ANSWERED);
            case "closed" -> EnumSet.of(CaseStatus.CLOSED);
            case "all" -> EnumSet.allOf(CaseStatus.class);
            default -> throw new InvalidFieldException("status", "Ange open, waiting, answered, closed eller all.");
        };
    }

    private QueueEntry entry(Case aCase, Instant now, List<LinkView> links) {
        CaseDeadline deadline = aCase.deadline();
        return new QueueEntry(aCase.caseId().toString(), aCase.diarienummer().value(),
                aCase.trackingCode() == null ? null : aCase.trackingCode().value(),
                aCase.kind() == null ? null : aCase.kind().name(), aCase.category(), aCase.unit(),
                aCase.channel() == null ? null : aCase.channel().name(), aCase.receivedAt(),
                aCase.status().name().toLowerCase(Locale.ROOT),
                deadline == null ? null : deadline.dueDate(), deadline == null ? null : deadline.dueAt(),
                DeadlineLabel.of(aCase, now, deadlines.dueSoon()), aCase.isAnonymous(),
                aCase.caseType().name(), aCase.legalFlow() == null ? null : aCase.legalFlow().name(),
                aCase.assignee(), aCase.waitingSince(), links);
    }
}
