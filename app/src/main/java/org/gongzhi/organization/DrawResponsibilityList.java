package org.gongzhi.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Draws up a 责任清单 for a space (unit code) or a mechanism. */
public record DrawResponsibilityList(
        @NotBlank @Size(max = 200) String title,
        String unitCode,
        @Size(max = 2000) String mechanism,
        @NotEmpty List<@Valid PartyInput> parties,
        @NotEmpty List<@Valid DutyInput> duties,
        boolean synthetic) {

    public record PartyInput(
            @NotBlank @Size(max = 20) String key,
            @NotBlank @Size(max = 100) String name,
            UUID organisationId) {}

    public record DutyInput(
            int number,
            @NotBlank @Size(max = 500) String description,
            @NotBlank String ownerKey,
            @NotNull Cadence cadence,
            @Size(max = 500) String evidence) {}
}
