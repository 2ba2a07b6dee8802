package org.gongzhi.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page a posted form was on: every form a page renders carries it in a hidden field ({@value #FIELD}), so that a
 * refused or expired form can lead back to its page. Only a path on this site is believed.
 */
public final class FormPage {

    /** The hidden field naming the page a form was on. */
    public static final String FIELD = "_page";

    private FormPage() {}

    /** The posted page, when it is a path on this site ("/councils/…", never "//host" or a backslash); else null. */
    public static String posted(HttpServletRequest request) {
        String posted = request.getParameter(FIELD);
        return posted != null && posted.startsWith("/") && !posted.startsWith("//") && !posted.contains("\\")
                ? posted
                : null;
    }
}
