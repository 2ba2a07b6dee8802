package org.gongzhi.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditActors;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditSearch;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.shared.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The 审计管理员's view of the audit trail: search, verify the chain, export. Exports carry a watermark line naming who
 * exported what and when, and are themselves audited. Only the AUDITOR role reaches these addresses.
 *
 * <p>The keyword can be a person's name, so it never travels in an address (browser history, proxies, Referer): the
 * search form is posted, the keyword kept in the session under a random token, and the page's address carries the
 * token ({@code k}) next to the filters that are codes.
 */
@Controller
class AuditPages {

    private final AuditSearch search;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AuditReading reading;
    private final AuditActors actorNames;

    AuditPages(
            AuditSearch search,
            AuditTrail audit,
            ActorResolver actors,
            TransactionTemplate transaction,
            Clock clock,
            AuditReading reading,
            AuditActors actorNames) {
        this.reading = reading;
        this.actorNames = actorNames;
        this.search = search;
        this.audit = audit;
        this.actors = actors;
        this.transaction = transaction;
        this.clock = clock;
    }

    private AuditSearch.Filter filter(
            String action,
            String actor,
            String kind,
            String q,
            LocalDate from,
            LocalDate to,
            AuditSearch.Vocabulary vocabulary) {
        ZoneId zone = clock.getZone();
        return new AuditSearch.Filter(
                action,
                actor,
                kind,
                q,
                q == null || q.isBlank() ? AuditSearch.Words.NONE : reading.words(q, vocabulary),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The trail in words, newest first, 50 a page: filters by actor, action, object kind and period (each a picker),
     * and a keyword that matches codes, names and their labels in either language.
     */
    @GetMapping("/audit")
    String list(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String k,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page,
            HttpSession session,
            Model model,
            Locale locale) {
        String q = keyword(session, k);
        // A token this session does not know (an old link, a new sign-in): say the keyword no longer applies.
        model.addAttribute("keywordLost", k != null && !k.isBlank() && q == null);
        // Read once: it matches the keyword to codes and fills the pickers (three scans of the trail).
        AuditSearch.Vocabulary vocabulary = search.vocabulary();
        AuditSearch.Page result = search.search(filter(action, actor, kind, q, from, to, vocabulary), page, 50);
        model.addAttribute("result", result);
        model.addAttribute("readings", reading.read(result.entries(), locale));
        model.addAttribute("actions", labelled(vocabulary.actions(), "", locale));
        model.addAttribute("kinds", labelled(vocabulary.objectTypes(), "audit.object.", locale));
        model.addAttribute("actors", actorNames.all());
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("k", q == null ? null : k);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "platform/audit";
    }

    /** Codes with their labels, ordered by label, for a picker. */
    private Map<String, String> labelled(List<String> codes, String prefix, Locale locale) {
        Map<String, String> labels = new java.util.TreeMap<>();
        codes.forEach(c -> labels.put(c, reading.label(prefix + c, locale)));
        Map<String, String> byLabel = new LinkedHashMap<>();
        labels.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> byLabel.put(e.getKey(), e.getValue()));
        return byLabel;
    }

    /** The search form: the keyword goes to the session, the browser to the page of results (POST–redirect–GET). */
    @PostMapping("/audit")
    String searchFor(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpSession session) {
        UriComponentsBuilder page = UriComponentsBuilder.fromPath("/audit");
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("action", action);
        codes.put("actor", actor);
        codes.put("kind", kind);
        codes.put("k", remember(session, q));
        codes.put("from", from);
        codes.put("to", to);
        codes.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                page.queryParam(name, value);
            }
        });
        return "redirect:" + page.encode().build().toUriString();
    }

    private static final String KEYWORDS = "auditKeywords";

    /** Keeps a keyword in the session (the last {@value #KEPT} of them) and answers its token; none: {@code null}. */
    private String remember(HttpSession session, String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        LinkedHashMap<String, String> kept = session.getAttribute(KEYWORDS) instanceof LinkedHashMap<?, ?> m
                ? new LinkedHashMap<>((Map<String, String>) m)
                : new LinkedHashMap<>();
        String token = kept.entrySet().stream()
                .filter(e -> e.getValue().equals(q.strip()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> Long.toString(random.nextLong() >>> 1, 36));
        kept.remove(token);
        kept.put(token, q.strip());
        while (kept.size() > KEPT) {
            kept.remove(kept.keySet().iterator().next());
        }
        // Set again: a session kept in the database only saves attributes that are set.
        session.setAttribute(KEYWORDS, kept);
        return token;
    }

    private static final int KEPT = 20;

    private final java.security.SecureRandom random = new java.security.SecureRandom();

    /** The keyword a token stands for in this session; an unknown or expired token: none. */
    private static String keyword(HttpSession session, String token) {
        if (token == null || !(session.getAttribute(KEYWORDS) instanceof Map<?, ?> kept)) {
            return null;
        }
        return kept.get(token) instanceof String q ? q : null;
    }

    @PostMapping("/audit/verify")
    String verify(RedirectAttributes next) {
        // The result travels to the next page only: reloading the page does not check the chain again.
        next.addFlashAttribute("check", audit.verify());
        return "redirect:/audit";
    }

    @GetMapping("/audit/export.csv")
    void export(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String k,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpSession session,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        String q = keyword(session, k);
        if (k != null && !k.isBlank() && q == null) {
            // Never export the whole trail in place of a search that can no longer be read.
            throw DomainException.invalid("audit.keyword.lost");
        }
        AuditSearch.Filter asked =
                filter(action, actor, kind, q, from, to, q == null || q.isBlank() ? null : search.vocabulary());
        // The trail as it stands now: the export's own record, written next, is not part of what it exports.
        java.time.Instant now = clock.instant();
        AuditSearch.Filter f = new AuditSearch.Filter(
                asked.action(),
                asked.actor(),
                asked.objectType(),
                asked.text(),
                asked.words(),
                asked.from(),
                asked.to() == null || asked.to().isAfter(now) ? now : asked.to());
        Actor who = actors.current();
        long total = search.search(f, 1, 1).total();
        Map<String, Object> conditions = new LinkedHashMap<>();
        java.util.function.BiConsumer<String, Object> set = (name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                conditions.put(name, value.toString());
            }
        };
        set.accept("action", action);
        set.accept("actor", actor);
        set.accept("objectType", kind);
        set.accept("keyword", q);
        set.accept("from", from);
        set.accept("to", to);
        transaction.executeWithoutResult(s -> audit.record(
                AuditRecord.created("audit.exported", "audit", null, Map.of("rows", total, "filter", conditions))));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + LocalDate.now(clock) + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out =
                new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.print('\uFEFF');
        out.println("sequence,at,actor,role,scope,action,object_type,object_id,summary,address,"
                + "actor_name,action_label,object_type_label");
        Map<String, String> names = actorNames.all();
        // Every matching row, streamed from a cursor: nothing is cut off, and memory stays flat however many there are.
        long[] written = {0};
        search.forEach(f, e -> {
            written[0]++;
            out.println(String.join(
                    ",",
                    String.valueOf(e.sequence()),
                    e.at().toString(),
                    csv(e.actor()),
                    csv(e.role()),
                    csv(e.scope()),
                    csv(e.action()),
                    csv(e.objectType()),
                    csv(e.objectId()),
                    csv(e.summary()),
                    csv(e.address()),
                    csv(names.getOrDefault(e.actor(), reading.platformActor(e.actor(), locale))),
                    csv(reading.label(e.action(), locale)),
                    csv(e.objectType() == null ? null : reading.label("audit.object." + e.objectType(), locale))));
        });
        // The watermark comes last, so that a spreadsheet reads the first line as the header; one quoted cell.
        StringBuilder filter = new StringBuilder();
        conditions.forEach(
                (name, value) -> filter.append(name).append('=').append(value).append("; "));
        out.println(csv("# 共治 audit export by " + who.name() + " (" + who.role() + ") from " + who.address() + " at "
                + clock.instant() + "; " + filter + written[0] + " rows"));
        out.flush();
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        // A leading =, +, - or @ would be a formula in a spreadsheet.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
