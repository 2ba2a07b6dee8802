package org.gongzhi.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 双师联动 (seed 000): a planner — responsible or community — and a community builder advise together. */
class DualMentoringTests {

    static ExpertAssignment as(ExpertRole role) {
        return new ExpertAssignment(
                new ExpertView(
                        UUID.randomUUID(), UUID.randomUUID(), "x", role, null, null, List.of(), null, null, null, 0),
                null,
                Instant.EPOCH,
                "t");
    }

    @Test
    void a_planner_and_a_community_builder_make_dual_mentoring_and_nothing_less_does() {
        assertThat(Experts.dualMentoring(List.of(as(ExpertRole.RESPONSIBLE_PLANNER), as(ExpertRole.COMMUNITY_BUILDER))))
                .isTrue();
        assertThat(Experts.dualMentoring(List.of(as(ExpertRole.COMMUNITY_BUILDER), as(ExpertRole.COMMUNITY_PLANNER))))
                .isTrue();
        assertThat(Experts.dualMentoring(List.of(as(ExpertRole.RESPONSIBLE_PLANNER), as(ExpertRole.COMMUNITY_PLANNER))))
                .isFalse();
        assertThat(Experts.dualMentoring(List.of(as(ExpertRole.COMMUNITY_BUILDER), as(ExpertRole.SCHOLAR))))
                .isFalse();
        assertThat(Experts.dualMentoring(List.of())).isFalse();
    }
}
