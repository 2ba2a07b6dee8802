package org.gongzhi.organization;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What registering or revising an organisation sets. Where it is: a unit code, or a point from which the unit is found
 * with {@code locate}, or both.
 */
public record OrganisationDetails(
        @NotBlank @Size(max = 100) String name,
        @NotNull OrganisationKind kind,
        @Size(max = 18) String creditCode,
        @Size(max = 32) String unitCode,
        @Size(max = 200) String address,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        UUID parentId,
        @Size(max = 2000) String description,
        boolean synthetic) {}
