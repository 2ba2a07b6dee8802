package org.gongzhi.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.gongzhi.dispatch.DispatchDirectory;
import org.gongzhi.dispatch.RuleDetails;
import org.gongzhi.organization.OrganisationFilter;
import org.gongzhi.organization.OrganisationKind;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;

/**
 * A dispatch directory for the three demo 街道, from the organisations each has: everything to the 街道办事处 unless a
 * rule says otherwise; 街面秩序, 市容, 广告 and 施工 events to the enforcement team; parked cars to the traffic police;
 * dogs to the police station; emergencies and utilities to the water company; in each 社区, local governance matters
 * to its 居委会, and property matters to its property company with the 居委会 as co-handler.
 */
final class DemoDirectory {

    private final DispatchDirectory directory;
    private final OrganizationQueries organisations;

    DemoDirectory(DispatchDirectory directory, OrganizationQueries organisations) {
        this.directory = directory;
        this.organisations = organisations;
    }

    void load() {
        for (String subdistrict :
                List.of(DemoTerritory.XUEYUANLU, DemoTerritory.DONGZHIMEN, DemoTerritory.WUJIAOCHANG)) {
            List<OrganisationView> all = organisations.all(new OrganisationFilter(null, null, subdistrict, null));
            find(all, o -> o.kind() == OrganisationKind.SUBDISTRICT_OFFICE)
                    .ifPresent(office -> rule(null, subdistrict, office, List.of(), "兜底：未细分的诉求派街道办事处统筹"));
            find(
                            all,
                            o -> o.kind() == OrganisationKind.GOVERNMENT_DEPARTMENT
                                    && o.name().contains("执法"))
                    .ifPresent(team -> {
                        for (String major : List.of("E01", "E02", "E03", "E05")) {
                            rule(major, subdistrict, team, List.of(), null);
                        }
                    });
            find(
                            all,
                            o -> o.kind() == OrganisationKind.GOVERNMENT_DEPARTMENT
                                    && o.name().contains("交通"))
                    .ifPresent(traffic -> rule("E0504", subdistrict, traffic, List.of(), "机动车乱停放由交通支队主办"));
            find(
                            all,
                            o -> o.kind() == OrganisationKind.GOVERNMENT_DEPARTMENT
                                    && o.name().contains("派出所"))
                    .ifPresent(police -> rule("E0602", subdistrict, police, List.of(), null));
            find(all, o -> o.kind() == OrganisationKind.PUBLIC_UTILITY).ifPresent(water -> {
                rule("E04", subdistrict, water, List.of(), "突发事件先派公共服务企业");
                rule("L02", subdistrict, water, List.of(), null);
            });
            for (OrganisationView committee : all) {
                if (committee.kind() != OrganisationKind.RESIDENTS_COMMITTEE) {
                    continue;
                }
                String community = committee.unitCode();
                rule("L01", community, committee, List.of(), "社区治理类诉求由居委会首接负责");
                find(all, o -> o.kind() == OrganisationKind.PROPERTY_MANAGEMENT && community.equals(o.unitCode()))
                        .ifPresent(property -> {
                            for (String code : List.of("L0104", "L0107", "L0108")) {
                                rule(
                                        code,
                                        community,
                                        property,
                                        List.of(committee.id().value()),
                                        null);
                            }
                        });
            }
        }
    }

    private void rule(String pattern, String unitCode, OrganisationView lead, List<UUID> co, String note) {
        directory.add(new RuleDetails(pattern, unitCode, lead.id().value(), new ArrayList<>(co), note));
    }

    private static Optional<OrganisationView> find(List<OrganisationView> all, Predicate<OrganisationView> which) {
        return all.stream().filter(which).findFirst();
    }
}
