package org.gongzhi.appeal;

import java.time.Instant;
import java.util.UUID;

/**
 * A knowledge-base article. {@code score} is the search rank when it was found by a search (higher is better; 0
 * otherwise); {@code version} is the entity tag to send back as If-Match.
 */
public record KnowledgeArticle(
        UUID id,
        ArticleKind kind,
        String title,
        String questions,
        String answer,
        String categoryCode,
        String source,
        boolean active,
        String updatedBy,
        Instant updatedAt,
        boolean synthetic,
        long version,
        double score) {

    /** The answer as the reporter is given it: with the rule it rests on in brackets, when there is one. */
    public String answerWithSource() {
        return source == null || source.isEmpty() ? answer : answer + "（" + source + "）";
    }
}
