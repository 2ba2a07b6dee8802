package org.gongzhi.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project with its co-funding (every amount in 分), milestones, the needs it meets, the resources it uses and the
 * beneficiaries' evaluation ({@code evaluations} given, {@code averageScore} of 1–5, {@code null} before any).
 */
public record ProjectView(
        UUID id,
        String title,
        String summary,
        UUID unitId,
        String placeName,
        UUID subdistrictId,
        ProjectStatus status,
        long budgetFen,
        long pledgedFen,
        long paidFen,
        long spentFen,
        List<Party> parties,
        List<Milestone> milestones,
        List<Link> needs,
        List<Link> resources,
        String approvalNote,
        Instant approvedAt,
        String outcome,
        Instant completedAt,
        long evaluations,
        Double averageScore,
        boolean synthetic,
        long version) {

    /** A party's share: pledged and paid so far, in 分. */
    public record Party(UUID organisationId, String name, boolean lead, long pledgedFen, long paidFen) {}

    /** A milestone: its position (1-based), title, due date, progress 0–100 and the day it was reached. */
    public record Milestone(int position, String title, LocalDate dueOn, int progress, LocalDate doneOn, String note) {}

    /** A need or resource the project is linked to. */
    public record Link(UUID id, String title) {}

    /** Overall progress: the mean of the milestones' progress, 0 with none. */
    public int progress() {
        return milestones.isEmpty()
                ? 0
                : (int) Math.round(milestones.stream()
                        .mapToInt(Milestone::progress)
                        .average()
                        .orElse(0));
    }
}
