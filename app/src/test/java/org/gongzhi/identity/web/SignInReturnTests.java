package org.gongzhi.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a resident returns after signing in: only pages of this site under /public/ or /resident/ (no open redirect). */
class SignInReturnTests {

    @Test
    void aPublicProjectPageIsReturnedTo() {
        String page = "/public/projects/7f0c0d1e-9a4b-4c55-8e21-0a1b2c3d4e5f";
        assertThat(ResidentPages.safeNext(page)).isEqualTo(page);
        assertThat(ResidentPages.safeNext("/resident/appeals")).isEqualTo("/resident/appeals");
    }

    @Test
    void anythingThatCouldLeaveTheSiteOrClimbIsRefused() {
        for (String next : new String[] {
            null,
            "",
            "/",
            "//evil.example/public/x",
            "https://evil.example/public/x",
            "/public//evil.example",
            "/public/../admin",
            "/public/projects?next=https://evil.example",
            "/public/projects/%2F%2Fevil",
            "/public/projects\\evil",
            "/staff/accounts",
            "/public",
            "/public/a/b/c/d/e"
        }) {
            assertThat(ResidentPages.safeNext(next)).as(String.valueOf(next)).isNull();
        }
    }
}
