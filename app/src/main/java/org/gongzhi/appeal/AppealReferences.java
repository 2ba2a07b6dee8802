package org.gongzhi.appeal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.gongzhi.appeal.domain.ReferenceStore;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links from an appeal to what grew out of it in other modules (清单诉: a need converted from it), so the appeal's page
 * shows them; the appeal module does not know those modules, only the kind, page and title each gives.
 */
@Service
@Transactional
public class AppealReferences {

    private final AppealQueries queries;
    private final ReferenceStore store;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;

    AppealReferences(AppealQueries queries, ReferenceStore store, AuditTrail audit, ActorResolver actors, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /**
     * Records that {@code target} grew out of the appeal, for someone who may read it (404 {@code appeal.not-found}
     * otherwise); 400 for a kind that is not 1–30 lower-case letters or hyphens, a target that is not a path, or a
     * label over 200 characters. Recording the same kind and target twice keeps the first.
     */
    public void record(AppealId id, String kind, String target, String label) {
        queries.require(id);
        Violations v = new Violations();
        if (kind == null || !kind.matches("[a-z][a-z-]{0,29}")) {
            v.add("kind", "appeal.reference.kind");
        }
        if (target == null || !target.matches("/[A-Za-z0-9/_-]{1,199}")) {
            v.add("target", "appeal.reference.target");
        }
        String l = Text.checkLine(label, "label", true, 200, v);
        v.throwIfAny();
        if (store.add(
                id.value(), kind, target, l, clock.instant(), actors.current().name())) {
            audit.record(AuditRecord.created(
                    "appeal.referenced", "appeal", id.toString(), Map.of("kind", kind, "target", target)));
        }
    }

    /** What grew out of the appeal, oldest first, for someone who may read it (404 otherwise). */
    @Transactional(readOnly = true)
    public List<AppealReference> of(AppealId id) {
        queries.require(id);
        return store.of(id.value());
    }
}
