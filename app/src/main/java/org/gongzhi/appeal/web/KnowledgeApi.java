package org.gongzhi.appeal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import org.gongzhi.appeal.ArticleDraft;
import org.gongzhi.appeal.ArticleKind;
import org.gongzhi.appeal.KnowledgeArticle;
import org.gongzhi.appeal.KnowledgeBase;
import org.gongzhi.platform.IfMatch;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violation;
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
@RequestMapping("/api/v1/knowledge-articles")
@Tag(
        name = "knowledge-articles",
        description = "知识库: answers to 咨询 and legal routes, searched in Chinese (接诉即办条例 Art 11)")
class KnowledgeApi {

    private final KnowledgeBase knowledge;
    private final org.gongzhi.platform.Permissions may;

    KnowledgeApi(KnowledgeBase knowledge, org.gongzhi.platform.Permissions may) {
        this.knowledge = knowledge;
        this.may = may;
    }

    @GetMapping
    @Operation(
            summary = "Articles: all, or those sharing words with q, best first",
            description = "q is segmented in Chinese (暖气什么时候来 finds 供暖时间); kind narrows to ANSWER or"
                    + " LEGAL_ROUTE; at most limit (1–20). Without q: every active article, retired ones too with"
                    + " retired=true.")
    List<KnowledgeArticle> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) ArticleKind kind,
            @RequestParam(defaultValue = "false") boolean retired,
            @RequestParam(defaultValue = "5") int limit) {
        return q == null ? knowledge.list(retired) : knowledge.search(q, kind, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One article; the ETag carries the version to send back as If-Match")
    ResponseEntity<KnowledgeArticle> one(@PathVariable UUID id) {
        return tagged(knowledge.require(id));
    }

    @PostMapping
    @Operation(summary = "A new article (street administrators)")
    ResponseEntity<KnowledgeArticle> add(@RequestBody ArticleDraft draft) {
        KnowledgeArticle a = knowledge.add(draft);
        return ResponseEntity.created(URI.create("/api/v1/knowledge-articles/" + a.id()))
                .eTag("\"" + a.version() + "\"")
                .body(a);
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Rewrite an article",
            description = "If-Match carries the version read (the ETag): without it 428, a stale one 412.")
    ResponseEntity<KnowledgeArticle> revise(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody ArticleDraft draft) {
        return versioned(id, ifMatch, v -> knowledge.revise(id, v, draft));
    }

    record Active(Boolean active) {}

    @PutMapping("/{id}/active")
    @Operation(
            summary = "Retire an article (active=false: no longer found) or bring it back",
            description = "If-Match as for a rewrite.")
    ResponseEntity<KnowledgeArticle> active(
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody Active body) {
        if (body == null || body.active() == null) {
            throw DomainException.invalid(List.of(Violation.of("active", "validation.NotNull", "active")));
        }
        return versioned(id, ifMatch, v -> knowledge.setActive(id, v, body.active()));
    }

    private ResponseEntity<KnowledgeArticle> versioned(UUID id, String ifMatch, LongFunction<KnowledgeArticle> change) {
        // Who may not edit at all hears 403, whatever their If-Match says.
        may.require(org.gongzhi.appeal.AppealPermission.EDIT_KNOWLEDGE);
        return tagged(IfMatch.change(
                ifMatch,
                knowledge.require(id).version(),
                "appeal.knowledge.version.missing",
                "appeal.knowledge.version.stale",
                change));
    }

    private static ResponseEntity<KnowledgeArticle> tagged(KnowledgeArticle a) {
        return ResponseEntity.ok().eTag("\"" + a.version() + "\"").body(a);
    }
}
