package org.gongzhi.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A 责任清单 as a matrix: parties across, duties down, each duty with its owner and when it was last done. */
public record ResponsibilityListView(
        UUID id,
        String title,
        UUID unitId,
        String unitCode,
        String unitName,
        String mechanism,
        boolean synthetic,
        List<Party> parties,
        List<Duty> duties,
        List<Record> records,
        long version) {

    public record Party(String key, String name, OrganisationId organisation) {}

    public record Duty(
            int number, String description, String ownerKey, Cadence cadence, String evidence, LocalDate lastDone) {}

    public record Record(int dutyNumber, LocalDate doneOn, String note, String evidence) {}
}
