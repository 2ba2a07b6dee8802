package org.gongzhi.demo;

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

    DemoDataLoader(
            TerritoryManagement territory,
            TerritoryQueries territoryQueries,
            OrganizationManagement organizations,
            AccountManagement accounts,
            TransactionTemplate transaction,
            TransactionLocks locks,
            org.gongzhi.dispatch.DispatchDirectory directory,
            org.gongzhi.organization.OrganizationQueries organisationQueries,
            org.gongzhi.appeal.KnowledgeBase knowledge) {
        this.knowledge = knowledge;
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
        });
    }
}
