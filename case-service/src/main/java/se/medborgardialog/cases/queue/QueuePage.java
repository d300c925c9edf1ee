package se.medborgardialog.cases.queue;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.medborgardialog.cases.casework.CaseStatus;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.cases.web.StaffPage;
import se.medborgardialog.cases.web.Swedish;
import se.medborgardialog.cases.web.Swedish.DeadlineText;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SynpunktKind;

/**
 * The officers' start page: the cases of the units they work in, most urgent first ({@link Queues}), filtered by a GET
 * form. Like the API's queue it shows that a case exists, never what it says: no personal data is read.
 */
@Controller
@StaffPage
class QueuePage {

    private final Queues queues;

    QueuePage(Queues queues) {
        this.queues = queues;
    }

    /** One row as the page shows it. */
    record Row(String caseId, String diarienummer, String what, String category, String channel, String unit,
            String received, String receivedIso, String due, String dueIso, DeadlineText deadline, String status,
            String assignee) {

        static Row of(QueueEntry entry) {
            return new Row(entry.caseId(), entry.diarienummer(),
                    Swedish.what(CaseType.valueOf(entry.caseType()), parse(SynpunktKind.class, entry.kind()),
                            parse(LegalFlow.class, entry.legalFlow())),
                    Swedish.words(entry.category()), Swedish.channel(parse(Channel.class, entry.channel())),
                    Swedish.words(entry.unit()), Swedish.dateTime(entry.receivedAt()),
                    entry.receivedAt() == null ? null : entry.receivedAt().toString(),
                    Swedish.date(entry.dueDate()), entry.dueDate() == null ? null : entry.dueDate().toString(),
                    DeadlineText.of(entry.deadlineStatus()),
                    Swedish.capitalized(parse(CaseStatus.class, entry.status()).swedish()),
                    entry.assignee() == null ? "–" : entry.assignee());
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String name) {
            return name == null ? null : Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        }
    }

    @GetMapping("/")
    String start() {
        return "redirect:/arenden";
    }

    @GetMapping("/arenden")
    String queue(@RequestParam(required = false) String status,
            @RequestParam(name = "tilldelad", required = false) String assigned,
            @RequestParam(name = "typ", required = false) String type,
            @RequestParam(name = "kategori", required = false) String category,
            @RequestParam(name = "kanal", required = false) String channel,
            @RequestParam(name = "sok", required = false) String search, @AuthenticationPrincipal StaffUser user,
            Model model, HttpServletResponse response) {
        QueuePageFilter filter = new QueuePageFilter(status, assigned, type, category, channel, search);
        Map<String, String> errors = filter.errors();
        List<QueueEntry> withStatus = List.of();
        if (errors.isEmpty()) {
            withStatus = queues.queue(user.units(), filter.queueStatus(), filter.queueFilter(user.getUsername()));
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        List<Row> rows = withStatus.stream().filter(filter::matches).map(Row::of).toList();
        model.addAttribute("filter", filter)
                .addAttribute("errors", errors)
                .addAttribute("rows", rows)
                .addAttribute("count", rows.size() == 1 ? "1 ärende" : rows.size() + " ärenden")
                .addAttribute("statuses", QueuePageFilter.statusOptions())
                .addAttribute("assignedOptions", QueuePageFilter.assignedOptions())
                .addAttribute("types", QueuePageFilter.typeOptions())
                .addAttribute("channels", QueuePageFilter.channelOptions())
                .addAttribute("categories", categories(withStatus, filter));
        return "arenden/lista";
    }

    /** The categories of the cases in view (and the chosen one, even when none has it now), by name. */
    private static List<QueuePageFilter.Option> categories(List<QueueEntry> entries, QueuePageFilter filter) {
        return Stream.concat(entries.stream().map(QueueEntry::category), Stream.of(filter.category()))
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new)).stream()
                .map(id -> new QueuePageFilter.Option(id, Swedish.words(id)))
                .toList();
    }
}
