package org.gongzhi.appeal;

/** How a 回访 answer reached the platform (DOMAIN.md §4, Lifecycle; 《北京市接诉即办工作条例》 Art 23). */
public enum FollowUpSource {
    /** An operator called the reporter and entered what they said. */
    PHONE,
    /** The reporter answered through the tracking link, after a code sent to their mobile. */
    TRACKING_LINK,
    /** The reporter answered while signed in to the resident portal with the appeal's own account. */
    RESIDENT_ACCOUNT,
    /** Nobody answered within the configured time; recorded as such by the platform. */
    NO_ANSWER
}
