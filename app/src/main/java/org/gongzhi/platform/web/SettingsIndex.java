package org.gongzhi.platform.web;

import java.util.Comparator;
import java.util.List;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.PlatformPermission;
import org.gongzhi.platform.SettingsEntry;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The settings index (/settings): the pages where the rules the platform runs by are kept — the work calendar, the
 * categories, the dispatch directory, the knowledge base — as far as the person may change them. The navigation shows
 * its link to those who may change at least one ({@code @settings.mine()}).
 */
@Controller("settings")
class SettingsIndex {

    private final List<SettingsEntry.Source> sources;
    private final Permissions may;

    SettingsIndex(List<SettingsEntry.Source> sources, Permissions may) {
        this.sources = sources;
        this.may = may;
    }

    /** The entries the acting person may use, in order. */
    public List<SettingsEntry> mine() {
        return sources.stream()
                .flatMap(s -> s.entries().stream())
                .filter(e -> may.to(e.permission().code()))
                .sorted(Comparator.comparingInt(SettingsEntry::order))
                .toList();
    }

    @GetMapping("/settings")
    String page(Model model) {
        model.addAttribute("entries", mine());
        return "platform/settings";
    }

    @Component
    static class Calendar implements SettingsEntry.Source {

        @Override
        public List<SettingsEntry> entries() {
            return List.of(new SettingsEntry(
                    10, "calendar.title", "calendar.lead", "/settings/calendar", PlatformPermission.EDIT_CALENDAR));
        }
    }
}
