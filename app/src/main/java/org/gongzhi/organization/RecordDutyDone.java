package org.gongzhi.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Records that a duty was done, with its evidence (a document number, a photo reference, minutes …). */
public record RecordDutyDone(
        @NotNull LocalDate doneOn,
        @Size(max = 500) String note,
        @NotBlank @Size(max = 500) String evidence) {}
