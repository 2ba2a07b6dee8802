package org.gongzhi.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Seats a member unit on a council with its 联络员. */
public record AdmitMember(
        @NotNull UUID organisationId,
        @NotBlank @Size(max = 50) String liaisonName,
        @Size(max = 100) String liaisonTitle,
        LocalDate joinedOn) {}
