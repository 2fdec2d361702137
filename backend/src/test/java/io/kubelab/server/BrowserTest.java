package io.kubelab.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every browser test shares: a server of its own, Debian's Chromium driven by Playwright, and reading
 * the xterm.js screen (the terminal draws on a canvas, so tests read its buffer).
 */
abstract class BrowserTest {

    static KubelabServer server;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browsers.available(), "Debian's Chromium is not installed at " + Browsers.CHROMIUM
                + "; the README's test command installs it (apt-get install -y chromium)");
        Files.createDirectories(Browsers.SCREENSHOTS);
        server = TestServers.start(java.util.Map.of());
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.stop().await(30, TimeUnit.SECONDS);
        }
    }

    /** The terminal's whole buffer as text, trailing empty lines dropped. */
    static String screen(Page page) {
        return (String) page.evaluate("() => { const b = window.kubelab.term.buffer.active; const out = [];"
                + " for (let i = 0; i < b.length; i++) { out.push(b.getLine(i).translateToString(true)); }"
                + " return out.join('\\n').replace(/\\n+$/, ''); }");
    }

    static void waitForScreen(Page page, String text) {
        page.waitForFunction("t => { const b = window.kubelab && window.kubelab.term.buffer.active; if (!b) return false;"
                + " let s = ''; for (let i = 0; i < b.length; i++) { s += b.getLine(i).translateToString(true) + '\\n'; }"
                + " return s.includes(t); }", text, new Page.WaitForFunctionOptions().setTimeout(15_000));
    }
}
