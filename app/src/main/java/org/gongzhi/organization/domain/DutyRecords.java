package org.gongzhi.organization.domain;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The duty records of responsibility lists. A record is appended as a row of its own — it does not change the list —
 * so any number of people may record duties on one list at the same moment.
 */
@Component
public class DutyRecords {

    private final JdbcClient jdbc;

    DutyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(UUID listId, ResponsibilityList.DutyRecord record) {
        jdbc.sql("insert into organization.responsibility_record (list_id, duty_number, done_on, note, evidence)"
                        + " values (?, ?, ?, ?, ?)")
                .params(listId, record.dutyNumber(), Date.valueOf(record.doneOn()), record.note(), record.evidence())
                .update();
    }

    /** The list's records in the order they were made. */
    public List<ResponsibilityList.DutyRecord> of(UUID listId) {
        return jdbc.sql("select duty_number, done_on, note, evidence from organization.responsibility_record"
                        + " where list_id = ? order by id")
                .param(listId)
                .query((rs, n) -> new ResponsibilityList.DutyRecord(
                        rs.getInt("duty_number"),
                        rs.getDate("done_on").toLocalDate(),
                        rs.getString("note"),
                        rs.getString("evidence")))
                .list();
    }

    /** The day each duty of the list was last recorded as done, by duty number. */
    public static Map<Integer, LocalDate> lastDone(List<ResponsibilityList.DutyRecord> records) {
        return records.stream()
                .collect(Collectors.toMap(
                        ResponsibilityList.DutyRecord::dutyNumber,
                        ResponsibilityList.DutyRecord::doneOn,
                        (a, b) -> a.isAfter(b) ? a : b));
    }
}
