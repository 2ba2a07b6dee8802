package org.gongzhi.appeal.web;

import java.util.List;
import org.gongzhi.appeal.AppealPermission;
import org.gongzhi.platform.SettingsEntry;
import org.springframework.stereotype.Component;

/** The appeal module's settings: the categories, how 回访 runs and the knowledge base. */
@Component
class AppealSettings implements SettingsEntry.Source {

    @Override
    public List<SettingsEntry> entries() {
        return List.of(
                new SettingsEntry(
                        20,
                        "appeal.category.page.title",
                        "appeal.category.page.lead",
                        "/settings/categories",
                        AppealPermission.EDIT_CATEGORIES),
                new SettingsEntry(
                        40,
                        "appeal.knowledge.title",
                        "appeal.knowledge.lead",
                        "/settings/knowledge",
                        AppealPermission.EDIT_KNOWLEDGE),
                new SettingsEntry(
                        30,
                        "appeal.follow-up.policy.title",
                        "appeal.follow-up.policy.short",
                        "/settings/follow-up",
                        AppealPermission.EDIT_FOLLOW_UP));
    }
}
