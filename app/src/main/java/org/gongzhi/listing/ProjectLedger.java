package org.gongzhi.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project's money as recorded, entry by entry: every payment of a party (到位资金) and every expense (支出), oldest
 * first. A wrong entry stays on the record; a correcting entry (冲正) of the opposite amount cancels it.
 *
 * @param payments the payments and their corrections
 * @param expenses the expenses and their corrections
 */
public record ProjectLedger(List<Entry> payments, List<Entry> expenses) {

    /**
     * One entry.
     *
     * @param id the entry's id (for a 冲正 of it)
     * @param organisationId the paying party; {@code null} for an expense
     * @param organisationName its name; {@code null} for an expense
     * @param amountFen the amount in 分: positive, or negative for a correcting entry
     * @param on the day paid or spent (Beijing)
     * @param text the payment's note, the expense's item, or the correction's reason
     * @param recordedAt when it was recorded
     * @param reverses the entry a correcting entry cancels; {@code null} otherwise
     * @param reversed whether a correcting entry cancels this one
     */
    public record Entry(
            UUID id,
            UUID organisationId,
            String organisationName,
            long amountFen,
            LocalDate on,
            String text,
            Instant recordedAt,
            UUID reverses,
            boolean reversed) {

        /** Whether this entry may still be reversed: an original entry not reversed yet. */
        public boolean reversible() {
            return reverses == null && !reversed;
        }
    }
}
