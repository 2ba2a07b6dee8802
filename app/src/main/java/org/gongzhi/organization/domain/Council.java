package org.gongzhi.organization.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gongzhi.organization.CouncilLevel;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 党建工作协调委员会: a 街道-level or 社区-level council of member units, each seated with one 联络员, working under
 * written rules — 议事规则, 议题征集 (unit topics and community topics), 联络员制度 and 突发事项应急响应.
 */
@Table(schema = "organization", name = "council")
public class Council {

    @Id
    private final UUID id;

    private final String name;
    private final CouncilLevel level;
    private final UUID unitId;
    private String chair;
    private LocalDate foundedOn;
    private String deliberationRules;
    private String topicCollection;
    private String liaisonRules;
    private String emergencyResponse;
    private boolean synthetic;

    @Version
    private Long version;

    @PersistenceCreator
    Council(
            UUID id,
            String name,
            CouncilLevel level,
            UUID unitId,
            String chair,
            LocalDate foundedOn,
            String deliberationRules,
            String topicCollection,
            String liaisonRules,
            String emergencyResponse,
            boolean synthetic,
            Long version) {
        this.id = id;
        this.name = name;
        this.level = level;
        this.unitId = unitId;
        this.chair = chair;
        this.foundedOn = foundedOn;
        this.deliberationRules = deliberationRules;
        this.topicCollection = topicCollection;
        this.liaisonRules = liaisonRules;
        this.emergencyResponse = emergencyResponse;
        this.synthetic = synthetic;
        this.version = version;
    }

    public static Council found(
            String name,
            CouncilLevel level,
            UUID unitId,
            String chair,
            LocalDate foundedOn,
            Rules rules,
            boolean synthetic) {
        return new Council(
                UUID.randomUUID(),
                name,
                level,
                unitId,
                chair,
                foundedOn,
                rules.deliberation(),
                rules.topicCollection(),
                rules.liaison(),
                rules.emergencyResponse(),
                synthetic,
                null);
    }

    /** The council's written rules. */
    public record Rules(String deliberation, String topicCollection, String liaison, String emergencyResponse) {}

    /**
     * The seat of a member unit with its 联络员, to be kept by {@link CouncilMembers} (a unit holds one seat). A unit
     * joins on or after the council's founding and not in the future: {@code organization.council.joined-on} (400).
     */
    public CouncilMember admit(
            UUID organisationId, String liaisonName, String liaisonTitle, LocalDate joinedOn, LocalDate today) {
        if (joinedOn.isBefore(foundedOn) || joinedOn.isAfter(today)) {
            throw DomainException.invalid(
                    List.of(Violation.of("joinedOn", "organization.council.joined-on", foundedOn)));
        }
        return new CouncilMember(organisationId, liaisonName, liaisonTitle, joinedOn);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public CouncilLevel level() {
        return level;
    }

    public UUID unitId() {
        return unitId;
    }

    public String chair() {
        return chair;
    }

    public LocalDate foundedOn() {
        return foundedOn;
    }

    public Rules rules() {
        return new Rules(deliberationRules, topicCollection, liaisonRules, emergencyResponse);
    }

    public boolean synthetic() {
        return synthetic;
    }

    public Long version() {
        return version;
    }

    /** A member unit's seat and its 联络员. */
    public record CouncilMember(UUID organisationId, String liaisonName, String liaisonTitle, LocalDate joinedOn) {}
}
