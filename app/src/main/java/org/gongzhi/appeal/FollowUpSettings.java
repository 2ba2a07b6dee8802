package org.gongzhi.appeal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where residents reach the portal, under {@code gongzhi.appeal.follow-up}: {@code publicUrl} (default {@code
 * http://localhost:8080}) makes the link in the text that tells a reporter of the answer and asks them to rate it. How
 * 回访 itself runs is the installation's {@link FollowUpPolicy}, set on the settings page.
 */
@ConfigurationProperties("gongzhi.appeal.follow-up")
public record FollowUpSettings(String publicUrl) {

    public FollowUpSettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        if (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }
}
