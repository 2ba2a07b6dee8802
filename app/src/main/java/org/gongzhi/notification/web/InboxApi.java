package org.gongzhi.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gongzhi.notification.Inbox;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "inbox", description = "通知: the signed-in staff member's notices")
class InboxApi {

    private final Inbox inbox;

    InboxApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "The caller's notices, newest first (at most limit, 1–200), and how many are unread")
    Inbox.Page mine(@RequestParam(defaultValue = "50") int limit) {
        return inbox.mine(limit);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notices read")
    ResponseEntity<Void> read(@PathVariable long id) {
        inbox.markRead(id);
        return ResponseEntity.noContent().build();
    }
}
