package org.gongzhi.browser;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test class shares: one Chromium for the class, pointed at this run's port, and the habit of
 * collecting every page check's failure so one run reports them all.
 */
abstract class InTheBrowser {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() throws Exception {
        browsers = Browsers.launch();
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
        }
    }

    @BeforeEach
    void at() {
        browsers.at(port);
    }

    static Page.LocatorOptions text(String text) {
        return new Page.LocatorOptions().setHasText(text);
    }

    /** Runs a check, keeping its failure in {@code failures} instead of stopping the test. */
    static void collect(List<String> failures, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }
}
