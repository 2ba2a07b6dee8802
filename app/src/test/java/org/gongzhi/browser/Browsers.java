package org.gongzhi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, for the browser journeys: one browser per test class, contexts at desktop
 * and phone size, sign-in, screenshots (in target/screenshots) and the machine checks every page must pass — axe-core
 * with no serious or critical violation, nothing wider than a phone's screen, no table cell narrower than four
 * characters. Without a Chromium the journeys are skipped, except in CI where that fails.
 */
final class Browsers implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("GONGZHI_CHROMIUM", "/usr/bin/chromium"));
    static final Path SHOTS = Paths.get("target/screenshots");
    static final String PASSWORD = "Demo#2026gz";

    private final Playwright playwright;
    final Browser browser;
    private int port;

    private Browsers(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** The application under test, on its random port (known only once the test instance exists). */
    Browsers at(int port) {
        this.port = port;
        return this;
    }

    static Browsers launch() throws Exception {
        boolean available = Files.isExecutable(CHROMIUM);
        if (!available && System.getenv("CI") != null) {
            throw new IllegalStateException(
                    "CI needs Chromium at " + CHROMIUM + " (apt-get install chromium fonts-noto-cjk)");
        }
        Assumptions.assumeTrue(available, "No Chromium at " + CHROMIUM + ": browser journeys skipped");
        Files.createDirectories(SHOTS);
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        return new Browsers(playwright, browser);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    BrowserContext desktop() {
        return watched(browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900)));
    }

    /** Script errors and refused resources on any page: printed, and kept for {@link #scriptErrors()}. */
    private final List<String> scriptErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    private BrowserContext watched(BrowserContext context) {
        context.onPage(page -> {
            page.onPageError(e -> record(page.url() + ": " + e));
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    record(page.url() + ": " + m.text());
                }
            });
        });
        return context;
    }

    private void record(String error) {
        System.err.println("browser: " + error);
        scriptErrors.add(error);
    }

    List<String> scriptErrors() {
        return scriptErrors;
    }

    /** A phone: 390 × 844 CSS pixels, touch, as the checks ask. */
    BrowserContext phone() {
        return watched(browser.newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)));
    }

    /** Signs a demo staff account in through the sign-in page; {@code code} is the TOTP code or {@code null}. */
    void signIn(Page page, String user, String code) {
        page.navigate(url("/login"));
        page.fill("input[name=username]", user);
        page.fill("input[name=password]", PASSWORD);
        if (code != null) {
            page.fill("input[name=code]", code);
        }
        page.locator("main.login form.stacked button[type=submit]").click();
    }

    /**
     * Signs in an account with a second factor. A one-time code is accepted once per 30-second step, and other
     * journeys may have used this step's code already: then it waits for the next step and tries once more.
     */
    void signInWithCode(Page page, String user) {
        signIn(page, user, demoCode());
        if (page.url().contains("/login")) {
            long step = 30_000;
            page.waitForTimeout(step - System.currentTimeMillis() % step + 500);
            signIn(page, user, demoCode());
        }
        assertThat(page.url()).as(user + " signed in").doesNotContain("/login");
    }

    static String demoCode() {
        return org.gongzhi.identity.domain.Totp.code(
                org.gongzhi.identity.domain.Totp.fromBase32("JBSWY3DPEHPK3PXP"),
                org.gongzhi.identity.domain.Totp.step(java.time.Instant.now()));
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /** Fails on any serious or critical axe-core violation, naming each rule and where it was found. */
    static void accessible(Page page, String where) {
        AxeResults results = new AxeBuilder(page).setLegacyMode(true).analyze();
        List<Rule> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .toList();
        assertThat(bad.stream().map(Rule::getId).toList())
                .as(() -> where + ": "
                        + bad.stream()
                                .map(r -> r.getId() + " (" + r.getImpact() + ") at "
                                        + r.getNodes().stream()
                                                .limit(3)
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("; ")))
                .isEmpty();
    }

    /** Nothing wider than the screen, and no table cell narrower than four characters of its own font. */
    static void fitsThePhone(Page page, String where) {
        Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue())
                .as(where + ": page wider than the screen")
                .isLessThanOrEqualTo(0);
        readable(page, where);
    }

    /** No table cell narrower than four characters of its own font (or its whole text, when shorter), at any width. */
    static void readable(Page page, String where) {
        Object narrow = page.evaluate("() => Array.from(document.querySelectorAll('td, th'))"
                + ".filter(c => c.offsetParent !== null && c.textContent.trim().length > 0)"
                // Column headers hidden for screen readers only (phone cards) are not read on screen, and text set
                // vertically (a matrix's party headers) is meant to be narrow.
                + ".filter(c => !(c.closest('thead') && c.closest('thead').getBoundingClientRect().width <= 1))"
                + ".filter(c => !getComputedStyle(c).writingMode.startsWith('vertical'))"
                + ".filter(c => c.getBoundingClientRect().width < Math.min(4, c.textContent.trim().length)"
                + " * 0.9 * parseFloat(getComputedStyle(c).fontSize))"
                + ".map(c => c.textContent.trim().slice(0, 20))");
        assertThat((List<?>) narrow)
                .as(where + ": table cells narrower than four characters")
                .isEmpty();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
