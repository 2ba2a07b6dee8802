package org.gongzhi.appeal.web;

import java.util.List;
import org.gongzhi.appeal.AppealMarker;
import org.gongzhi.appeal.AppealQueries;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The markers the map page ({@link AppealListViews}) fetches: JSON, so a filter that cannot be read is answered as
 * problem+json (400, the field named), as the page's script expects.
 */
@RestController
class AppealMarkersApi {

    private final AppealQueries queries;

    AppealMarkersApi(AppealQueries queries) {
        this.queries = queries;
    }

    /** At most {@link AppealQueries#MAX_MARKERS}, newest first, within the viewer's scope. */
    @GetMapping(value = "/appeals/markers", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AppealMarker> markers(ListParams params) {
        return queries.markers(params.filter(false));
    }
}
