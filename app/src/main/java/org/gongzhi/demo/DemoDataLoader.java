package org.gongzhi.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gongzhi.identity.AccountManagement;
import org.gongzhi.organization.OrganizationManagement;
import org.gongzhi.platform.TransactionLocks;
import org.gongzhi.territory.TerritoryManagement;
import org.gongzhi.territory.TerritoryQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo jurisdictions once, on the first start of a database, in one transaction. Nodes starting together
 * take a database lock first, so exactly one of them loads.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("gongzhi.demo-data.enabled")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final org.gongzhi.dispatch.DispatchDirectory directory;
    private final org.gongzhi.organization.OrganizationQueries organisationQueries;
    private final TerritoryManagement territory;
    private final TerritoryQueries territoryQueries;
    private final OrganizationManagement organizations;
    private final AccountManagement accounts;
    private final TransactionTemplate transaction;
    private final TransactionLocks locks;
    private final org.gongzhi.appeal.KnowledgeBase knowledge;
    private final org.gongzhi.appeal.SyntheticAppeals synthetic;
    private final java.time.Clock clock;
    private final org.gongzhi.listing.Resources resources;
    private final org.gongzhi.listing.Needs needs;
    private final org.gongzhi.listing.Projects projects;
    private final org.gongzhi.listing.Experts experts;
    private final int appealsPerSubdistrict;

    DemoDataLoader(
            TerritoryManagement territory,
            TerritoryQueries territoryQueries,
            OrganizationManagement organizations,
            AccountManagement accounts,
            TransactionTemplate transaction,
            TransactionLocks locks,
            org.gongzhi.dispatch.DispatchDirectory directory,
            org.gongzhi.organization.OrganizationQueries organisationQueries,
            org.gongzhi.appeal.KnowledgeBase knowledge,
            org.gongzhi.appeal.SyntheticAppeals synthetic,
            java.time.Clock clock,
            org.gongzhi.listing.Resources resources,
            org.gongzhi.listing.Needs needs,
            org.gongzhi.listing.Projects projects,
            org.gongzhi.listing.Experts experts,
            @org.springframework.beans.factory.annotation.Value("${gongzhi.demo-data.appeals-per-subdistrict:0}")
                    int appealsPerSubdistrict) {
        this.knowledge = knowledge;
        this.synthetic = synthetic;
        this.clock = clock;
        this.resources = resources;
        this.needs = needs;
        this.projects = projects;
        this.experts = experts;
        this.appealsPerSubdistrict = appealsPerSubdistrict;
        this.directory = directory;
        this.organisationQueries = organisationQueries;
        this.territory = territory;
        this.territoryQueries = territoryQueries;
        this.organizations = organizations;
        this.accounts = accounts;
        this.transaction = transaction;
        this.locks = locks;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            // Several nodes starting at once load the demo data once.
            locks.lock("demo-data", "load");
            if (territoryQueries.unitByCode(DemoTerritory.XUEYUANLU).isEmpty()) {
                long started = System.nanoTime();
                var imported = territory.importCollection(DemoTerritory.features());
                DemoOrganizations demoOrganizations = new DemoOrganizations(organizations);
                demoOrganizations.load();
                DemoAccounts.load(accounts, demoOrganizations);
                log.info(
                        "Demo data loaded: {} territory features, organisations and councils in {} ms",
                        imported.created(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            // Added with the appeals: a demo database from before gets its directory on the next start.
            if (directory.list(null).isEmpty()) {
                new DemoDirectory(directory, organisationQueries).load();
                log.info(
                        "Demo dispatch directory loaded: {} rules",
                        directory.list(null).size());
            }
            if (knowledge.list(true).isEmpty()) {
                DemoKnowledge.load(knowledge);
                log.info("Demo knowledge base loaded: {} articles", DemoKnowledge.ARTICLES.size());
            }
            // Added with the shared lists (一库三清单): a demo database from before gets them on the next start.
            if (resources
                            .list(org.gongzhi.listing.ResourceFilter.all().withWithdrawn(), 1, 1)
                            .total()
                    == 0) {
                new DemoResources(resources, organisationQueries, territoryQueries).load();
                log.info("Demo shared resources loaded: {} resources", DemoResources.OFFERS.size());
            }
            if (needs.list(org.gongzhi.listing.NeedFilter.all(), 1, 1).total() == 0) {
                DemoNeeds.load(needs, territoryQueries);
                log.info("Demo needs loaded: {} needs", DemoNeeds.NEEDS.size());
            }
            if (projects.list(null, null, 1, 1).items().isEmpty()) {
                DemoProjects.load(projects, needs, organisationQueries, territoryQueries);
                log.info("Demo projects loaded: {} projects", DemoProjects.SEEDS.size());
            }
            if (experts.list(null, null, null, true).isEmpty()) {
                DemoExperts.load(experts, needs, projects, organisationQueries, territoryQueries);
                log.info("Demo think tank loaded: {} experts", DemoExperts.EXPERTS.size());
            }
        });
        if (appealsPerSubdistrict > 0) {
            appeals();
        }
    }

    /**
     * A month of synthetic appeals in the three 街道, once, after the rest is in (they need the directory). A failure
     * leaves the platform running without them and says so.
     */
    private void appeals() {
        List<String> subdistricts =
                List.of(DemoTerritory.XUEYUANLU, DemoTerritory.DONGZHIMEN, DemoTerritory.WUJIAOCHANG);
        try {
            transaction.executeWithoutResult(status -> {
                locks.lock("demo-data", "appeals");
                if (synthetic.any()) {
                    return;
                }
                long started = System.nanoTime();
                Instant to = Instant.now(clock);
                var written = synthetic.write(new org.gongzhi.appeal.SyntheticAppeals.Plan(
                        subdistricts,
                        to.minus(Duration.ofDays(30)),
                        to,
                        appealsPerSubdistrict * subdistricts.size(),
                        20_261_130L));
                log.info(
                        "Demo appeals written: {} over the last 30 days in {} ms, by state {}",
                        written.count(),
                        (System.nanoTime() - started) / 1_000_000,
                        written.byState());
            });
        } catch (RuntimeException e) {
            log.error("Demo appeals could not be written; the platform runs without them", e);
        }
    }
}
