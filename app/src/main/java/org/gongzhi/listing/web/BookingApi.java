package org.gongzhi.listing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.listing.BookingId;
import org.gongzhi.listing.BookingView;
import org.gongzhi.listing.Bookings;
import org.gongzhi.listing.Usage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "bookings", description = "Bookings of shared resources: request, approval, cancellation, use")
class BookingApi {

    private final Bookings bookings;

    BookingApi(Bookings bookings) {
        this.bookings = bookings;
    }

    @GetMapping("/bookings")
    @Operation(summary = "The caller's own booking requests, latest first")
    List<BookingView> mine() {
        return bookings.mine();
    }

    @GetMapping("/bookings/usage")
    @Operation(summary = "Usage per resource and per booking unit over [from, to) (at most 366 days)")
    Usage usage(@RequestParam Instant from, @RequestParam Instant to) {
        return bookings.usage(from, to);
    }

    @GetMapping("/bookings/{id}")
    @Operation(summary = "One booking")
    BookingView one(@PathVariable UUID id) {
        return bookings.one(new BookingId(id));
    }

    /** A note, a reason, or feedback on a booking. */
    record Answer(String note, String reason, Integer rating, String comment, Integer attended) {}

    @PostMapping("/bookings/{id}/approval")
    @Operation(summary = "Approve a requested booking (the resource's managers)")
    BookingView approve(@PathVariable UUID id, @RequestBody(required = false) Answer a) {
        return bookings.approve(new BookingId(id), a == null ? null : a.note());
    }

    @PostMapping("/bookings/{id}/declination")
    @Operation(summary = "Decline a requested booking, saying why in note (the resource's managers)")
    BookingView decline(@PathVariable UUID id, @RequestBody(required = false) Answer a) {
        return bookings.decline(new BookingId(id), a == null ? null : a.note());
    }

    @PostMapping("/bookings/{id}/cancellation")
    @Operation(
            summary = "Cancel a requested or approved booking",
            description = "The requester until the cancellation deadline before the start (default 2 hours), the"
                    + " resource's managers until the start; 409 after.")
    BookingView cancel(@PathVariable UUID id, @RequestBody(required = false) Answer a) {
        return bookings.cancel(new BookingId(id), a == null ? null : a.reason());
    }

    @PostMapping("/bookings/{id}/feedback")
    @Operation(summary = "Record the use of an approved booking after its end: rating 1–5, comment, people who came")
    BookingView feedback(@PathVariable UUID id, @RequestBody Answer a) {
        return bookings.feedback(
                new BookingId(id),
                a == null ? null : a.rating(),
                a == null ? null : a.comment(),
                a == null ? null : a.attended());
    }
}
