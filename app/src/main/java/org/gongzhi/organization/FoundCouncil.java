package org.gongzhi.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Founds a 党建工作协调委员会 for a 街道 ({@code SUBDISTRICT}) or a 社区 ({@code COMMUNITY}), named by unit code. */
public record FoundCouncil(
        @NotBlank @Size(max = 100) String name,
        @NotNull CouncilLevel level,
        @NotBlank String unitCode,
        @Size(max = 100) String chair,
        LocalDate foundedOn,
        @Size(max = 4000) String deliberationRules,
        @Size(max = 4000) String topicCollection,
        @Size(max = 4000) String liaisonRules,
        @Size(max = 4000) String emergencyResponse,
        boolean synthetic) {}
