package org.gongzhi.listing;

import java.util.List;
import java.util.UUID;

/**
 * What is said about an expert of a 街道's 智库.
 *
 * @param subdistrictId the 街道 whose think tank the expert joins (in the caller's scope)
 * @param name 1–50 characters; shown to staff because the expert agreed to be listed ({@code consent})
 * @param role 责任规划师 … 学者
 * @param affiliationId the organisation the expert belongs to, if registered; {@code null} otherwise
 * @param affiliation the affiliation as text when it is not a registered organisation (up to 100 characters)
 * @param tags expertise tags, 0–12, each 1–20 characters (e.g. 适老化改造, 社区营造, 垃圾分类)
 * @param bio up to 1,000 characters
 * @param contactPhone the expert's phone (personal data: encrypted, shown masked); may be blank
 * @param consent that the expert agreed to be listed by name — required (PIPL Art 13/14)
 */
public record ExpertDetails(
        UUID subdistrictId,
        String name,
        ExpertRole role,
        UUID affiliationId,
        String affiliation,
        List<String> tags,
        String bio,
        String contactPhone,
        boolean consent) {}
