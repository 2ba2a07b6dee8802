package org.gongzhi.organization.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.organization.Cadence;
import org.gongzhi.shared.Dates;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 责任清单: for one space or mechanism, who (the parties) does what (the duties), how often, and the evidence that it
 * was done — e.g. 五角场 "三驾马车": 6 parties, 27 duties. Every duty has exactly one owning party.
 */
@Table(schema = "organization", name = "responsibility_list")
public class ResponsibilityList {

    @Id
    private final UUID id;

    private final String title;
    private final UUID unitId;
    private final String mechanism;
    private final boolean synthetic;

    @MappedCollection(idColumn = "list_id", keyColumn = "position")
    private final List<Party> parties;

    @MappedCollection(idColumn = "list_id", keyColumn = "position")
    private final List<Duty> duties;

    @Version
    private Long version;

    @PersistenceCreator
    ResponsibilityList(
            UUID id,
            String title,
            UUID unitId,
            String mechanism,
            boolean synthetic,
            List<Party> parties,
            List<Duty> duties,
            Long version) {
        this.id = id;
        this.title = title;
        this.unitId = unitId;
        this.mechanism = mechanism;
        this.synthetic = synthetic;
        this.parties = new ArrayList<>(parties == null ? List.of() : parties);
        this.duties = new ArrayList<>(duties == null ? List.of() : duties);
        this.version = version;
    }

    /**
     * Draws up a list. Party keys must be unique; duties are numbered 1…n in order and each names an owning party.
     */
    public static ResponsibilityList draw(
            String title, UUID unitId, String mechanism, List<Party> parties, List<Duty> duties, boolean synthetic) {
        Violations v = new Violations();
        if (title == null || title.isBlank()) {
            v.add("title", "organization.list.title");
        }
        if (parties.isEmpty()) {
            v.add("parties", "organization.list.no-parties");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            // Keys are compared as people read them: "A", "a" and the full-width "Ａ" are one key.
            if (p.key() == null || p.key().isBlank() || !keys.add(Text.key(p.key()))) {
                v.add("parties[" + i + "].key", "organization.list.party-key", p.key());
            }
            if (p.name() == null || p.name().isBlank()) {
                v.add("parties[" + i + "].name", "organization.list.party-name");
            }
        }
        for (int i = 0; i < duties.size(); i++) {
            Duty d = duties.get(i);
            if (d.number() != i + 1) {
                v.add("duties[" + i + "].number", "organization.list.duty-number", i + 1, d.number());
            }
            if (d.ownerKey() == null || !keys.contains(Text.key(d.ownerKey()))) {
                v.add("duties[" + i + "].ownerKey", "organization.list.duty-owner", d.ownerKey());
            }
            if (d.description() == null || d.description().isBlank()) {
                v.add("duties[" + i + "].description", "organization.list.duty-description");
            }
            if (d.cadence() == null) {
                v.add("duties[" + i + "].cadence", "organization.list.duty-cadence");
            }
        }
        v.throwIfAny();
        return new ResponsibilityList(UUID.randomUUID(), title, unitId, mechanism, synthetic, parties, duties, null);
    }

    /**
     * A record that duty {@code number} was done on {@code doneOn}, with the evidence; not for days still to come. The
     * record is kept apart from the list ({@link DutyRecords}), so records made at the same time never conflict.
     */
    public DutyRecord recordDone(int number, LocalDate doneOn, String note, String evidence, LocalDate today) {
        if (number < 1 || number > duties.size()) {
            throw DomainException.notFound("organization.list.duty-unknown", number);
        }
        Violations problems = new Violations();
        checkRecord(doneOn, evidence, today, problems);
        problems.throwIfAny();
        return new DutyRecord(number, doneOn, note, evidence);
    }

    /**
     * What is wrong with a record of a duty done, every problem at once, each at its field: no date, a date to come or
     * before 1949-10-01 ({@code doneOn}), no evidence ({@code evidence}).
     */
    public static void checkRecord(LocalDate doneOn, String evidence, LocalDate today, Violations problems) {
        if (doneOn == null) {
            problems.add("doneOn", "organization.list.record-date");
        } else if (doneOn.isAfter(today)) {
            problems.add("doneOn", "organization.list.record-future", doneOn);
        } else {
            Dates.checkPast(doneOn, today, "doneOn", problems);
        }
        if (evidence == null || evidence.isBlank()) {
            problems.add("evidence", "organization.list.record-evidence");
        }
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public UUID unitId() {
        return unitId;
    }

    public String mechanism() {
        return mechanism;
    }

    public boolean synthetic() {
        return synthetic;
    }

    public List<Party> parties() {
        return List.copyOf(parties);
    }

    public List<Duty> duties() {
        return List.copyOf(duties);
    }

    public Long version() {
        return version;
    }

    /** A party to the list, optionally a registered organisation. */
    @Table(schema = "organization", name = "responsibility_party")
    public record Party(String key, String name, UUID organisationId) {}

    @Table(schema = "organization", name = "responsibility_duty")
    public record Duty(int number, String description, String ownerKey, Cadence cadence, String evidence) {}

    /** Evidence that a duty was done. */
    /** A duty done: which duty, on which day, with what evidence. */
    public record DutyRecord(int dutyNumber, LocalDate doneOn, String note, String evidence) {}
}
