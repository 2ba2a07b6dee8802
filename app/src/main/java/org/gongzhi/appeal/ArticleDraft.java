package org.gongzhi.appeal;

/**
 * A knowledge-base article as an editor writes it: {@code title} 1–100 characters; {@code questions} the ways people
 * ask it, one per line, up to 2,000; {@code answer} (or the route) 1–2,000; {@code categoryCode} an optional category
 * it answers for; {@code source} the policy or statute it rests on, up to 200.
 */
public record ArticleDraft(
        ArticleKind kind, String title, String questions, String answer, String categoryCode, String source) {}
