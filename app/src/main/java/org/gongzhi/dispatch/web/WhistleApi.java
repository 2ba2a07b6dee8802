package org.gongzhi.dispatch.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.dispatch.BlowWhistle;
import org.gongzhi.dispatch.WhistleId;
import org.gongzhi.dispatch.WhistleOutcome;
import org.gongzhi.dispatch.WhistleView;
import org.gongzhi.dispatch.Whistles;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.platform.IfMatch;
import org.gongzhi.shared.Violations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 吹哨报到 over the API: blow, 报到 (acknowledge, arrive, action), close with ratings, and the double assessment. */
@RestController
@RequestMapping("/api/v1")
@io.swagger.v3.oas.annotations.tags.Tag(
        name = "whistles",
        description = "吹哨报到: whistles that summon departments, their 报到, closure with ratings, the double assessment")
class WhistleApi {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Whistles whistles;

    WhistleApi(Whistles whistles) {
        this.whistles = whistles;
    }

    @GetMapping("/whistles")
    @Operation(summary = "The whistle board: open whistles and those of the last 30 days the caller may read")
    List<WhistleView> board() {
        return whistles.board();
    }

    @PostMapping("/whistles")
    @Operation(summary = "吹哨: summon departments to a matter with a report-by time (ISO 8601 instant)")
    ResponseEntity<WhistleView> blow(@RequestBody BlowWhistle command) {
        WhistleView w = whistles.blow(command);
        return ResponseEntity.created(URI.create("/api/v1/whistles/" + w.id()))
                .header(HttpHeaders.ETAG, "\"" + w.version() + "\"")
                .body(w);
    }

    @GetMapping("/whistles/{id}")
    @Operation(summary = "One whistle with each department's 报到 (ETag: its version)")
    ResponseEntity<WhistleView> one(@PathVariable UUID id) {
        return tagged(whistles.view(new WhistleId(id)));
    }

    @PostMapping("/whistles/{id}/acknowledgement")
    @Operation(summary = "报到: the summoned department acknowledges")
    ResponseEntity<WhistleView> acknowledge(@PathVariable UUID id) {
        return tagged(whistles.acknowledge(new WhistleId(id)));
    }

    @PostMapping("/whistles/{id}/arrival")
    @Operation(summary = "报到: the summoned department is on site")
    ResponseEntity<WhistleView> arrive(@PathVariable UUID id) {
        return tagged(whistles.arrive(new WhistleId(id)));
    }

    record Action(String action) {}

    @PostMapping("/whistles/{id}/action")
    @Operation(summary = "报到: the summoned department records its action on site (after arriving)")
    ResponseEntity<WhistleView> action(@PathVariable UUID id, @RequestBody Action body) {
        return tagged(whistles.recordAction(new WhistleId(id), body == null ? null : body.action()));
    }

    record Closure(WhistleOutcome outcome, String note, Map<UUID, Integer> ratings, Map<UUID, String> ratingNotes) {}

    @PostMapping("/whistles/{id}/closure")
    @Operation(summary = "Close with the outcome and a 1–5 rating of every summoned department (If-Match required)")
    ResponseEntity<WhistleView> close(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody Closure body) {
        WhistleId whistle = new WhistleId(id);
        return tagged(IfMatch.change(
                ifMatch,
                whistles.view(whistle).version(),
                "dispatch.whistle.version-missing",
                "dispatch.whistle.stale",
                v -> whistles.close(whistle, v, body.outcome(), body.note(), body.ratings(), body.ratingNotes())));
    }

    @GetMapping("/whistles/assessment")
    @Operation(
            summary = "The double assessment (Art 33) of whistles blown in the months from..to (yyyy-MM, Beijing;"
                    + " from defaults to this month, to to from)")
    Whistles.Assessment assessment(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period p = Period.of(from, to);
        return whistles.assessment(p.start(), p.end());
    }

    /**
     * Whole months from {@code from} to {@code to} (both inclusive, yyyy-MM, Beijing time): {@code from} defaults to
     * this month, {@code to} to {@code from}. 400 naming each field that cannot be read ({@code form.month})
     * and {@code to} before {@code from} ({@code dispatch.whistle.period}).
     */
    record Period(YearMonth first, YearMonth last) {

        static Period of(String from, String to) {
            Violations v = new Violations();
            YearMonth first = month(from, "from", YearMonth.now(BEIJING), v);
            YearMonth last = month(to, "to", first, v);
            if (first != null && last != null && last.isBefore(first)) {
                v.add("to", "dispatch.whistle.period");
            }
            v.throwIfAny();
            return new Period(first, last);
        }

        private static YearMonth month(String text, String field, YearMonth otherwise, Violations v) {
            return text == null || text.isBlank() ? otherwise : FormChecks.month(field, text, v);
        }

        Instant start() {
            return first.atDay(1).atStartOfDay(BEIJING).toInstant();
        }

        Instant end() {
            return last.plusMonths(1).atDay(1).atStartOfDay(BEIJING).toInstant();
        }
    }

    private static ResponseEntity<WhistleView> tagged(WhistleView w) {
        return ResponseEntity.ok()
                .header(HttpHeaders.ETAG, "\"" + w.version() + "\"")
                .body(w);
    }
}
