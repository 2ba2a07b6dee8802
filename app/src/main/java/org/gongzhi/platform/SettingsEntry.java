package org.gongzhi.platform;

import java.util.List;

/**
 * One page of the settings index (/settings): a label and a lead (message keys), the page's link and the {@link
 * Permission} needed to change what it keeps. The index shows only the entries the person's roles hold.
 */
public record SettingsEntry(int order, String labelKey, String leadKey, String link, Permission permission) {

    /** Implemented by a module that keeps settings. */
    public interface Source {

        List<SettingsEntry> entries();
    }
}
