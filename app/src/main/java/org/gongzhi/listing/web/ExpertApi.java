package org.gongzhi.listing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.gongzhi.listing.ExpertDetails;
import org.gongzhi.listing.ExpertRole;
import org.gongzhi.listing.ExpertView;
import org.gongzhi.listing.Experts;
import org.gongzhi.platform.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "experts", description = "智库: the 街道's experts, their expertise tags and affiliation")
class ExpertApi {

    private final Experts experts;

    ExpertApi(Experts experts) {
        this.experts = experts;
    }

    @GetMapping("/experts")
    @Operation(summary = "The experts the caller sees, by role, tag and text (name, affiliation, tags, bio)")
    List<ExpertView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) ExpertRole role,
            @RequestParam(defaultValue = "false") boolean withdrawn) {
        return experts.list(q, tag, role, withdrawn);
    }

    @GetMapping("/experts/{id}")
    @Operation(summary = "One expert, phone masked; the ETag carries the version to send back as If-Match")
    ResponseEntity<ExpertView> one(@PathVariable UUID id) {
        ExpertView e = experts.one(id);
        return ResponseEntity.ok().eTag("\"" + e.version() + "\"").body(e);
    }

    @PostMapping("/experts")
    @Operation(
            summary = "Add an expert to a 街道's think tank (street administrator)",
            description = "`consent` must be true: the expert agreed to be listed by name.")
    ResponseEntity<ExpertView> add(@RequestBody ExpertDetails details) {
        ExpertView e = experts.add(details);
        return ResponseEntity.created(URI.create("/api/v1/experts/" + e.id()))
                .eTag("\"" + e.version() + "\"")
                .body(e);
    }

    @PutMapping("/experts/{id}")
    @Operation(
            summary = "Revise an expert",
            description = "If-Match carries the version read: without it 428, stale 412.")
    ResponseEntity<ExpertView> revise(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody ExpertDetails details) {
        ExpertView e = IfMatch.change(
                ifMatch,
                experts.one(id).version(),
                "listing.expert.version.missing",
                "listing.expert.version.stale",
                expected -> experts.revise(id, expected, details));
        return ResponseEntity.ok().eTag("\"" + e.version() + "\"").body(e);
    }

    @PostMapping("/experts/{id}/withdrawal")
    @Operation(summary = "Take an expert off the think tank (their advice stays on record)", description = "If-Match.")
    ResponseEntity<ExpertView> withdraw(
            @PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        ExpertView e = IfMatch.change(
                ifMatch,
                experts.one(id).version(),
                "listing.expert.version.missing",
                "listing.expert.version.stale",
                expected -> experts.withdraw(id, expected));
        return ResponseEntity.ok().eTag("\"" + e.version() + "\"").body(e);
    }
}
