package io.kubelab.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A student's first minute: home page, start a playground, type into the terminal, read the answers. */
class WorkspaceBrowserIT extends BrowserTest {

    private static void waitForPrompt(Page page) {
        page.waitForFunction("() => window.kubelab && window.kubelab.editor.active",
                null, new Page.WaitForFunctionOptions().setTimeout(15_000));
    }

    private static int count(String haystack, String needle) {
        return haystack.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void studentStartsAPlaygroundAndTalksToTheShell() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        assertEquals("Kubelab: Kubernetes sandboxes in your browser", page.title());
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("home.png")).setFullPage(true));

        page.click("#start-playground");
        page.waitForURL(url -> url.matches(".*/s/[a-z][a-z0-9]{9}$"));
        waitForPrompt(page);
        assertTrue(screen(page).contains("Welcome to your Kubelab sandbox"));

        page.click(".xterm");
        page.keyboard().type("help");
        page.keyboard().press("Enter");
        waitForScreen(page, "list the commands this terminal understands");

        page.keyboard().type("foo");
        page.keyboard().press("Enter");
        waitForScreen(page, "bash: foo: command not found");
        waitForPrompt(page);

        // Line editing: fix a typo at the start of the line, then run it.
        page.keyboard().type("hxelp");
        page.keyboard().press("Home");
        page.keyboard().press("ArrowRight");
        page.keyboard().press("Delete");
        assertTrue(screen(page).endsWith("$ help"), screen(page));
        page.keyboard().press("Enter");
        page.waitForFunction("() => window.kubelab.editor.active && window.kubelab.editor.history.length === 3");
        assertEquals(2, count(screen(page), "list the commands this terminal understands"));

        page.keyboard().type("historyy");
        page.keyboard().press("Backspace");
        page.keyboard().press("Enter");
        waitForScreen(page, "4  history");
        String shown = screen(page);
        assertTrue(shown.contains("    1  help\n    2  foo\n    3  help\n    4  history"), shown);

        // The sandbox's own simulated cluster answers through the same terminal.
        page.keyboard().type("sim status");
        page.keyboard().press("Enter");
        waitForScreen(page, "etcd:");
        assertTrue(screen(page).contains("(realtime)"), screen(page));
        assertTrue(screen(page).contains("etcd:               running"), screen(page));
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("workspace.png")));

        // History survives a reload: it lives in the sandbox, and the browser fetches it.
        page.reload();
        waitForPrompt(page);
        page.click(".xterm");
        page.keyboard().press("ArrowUp");
        page.keyboard().press("ArrowUp");
        page.keyboard().press("ArrowUp");
        assertTrue(screen(page).endsWith("$ help"), screen(page));
        page.keyboard().press("Enter");
        waitForPrompt(page);
        waitForScreen(page, "list the commands this terminal understands");
        assertEquals(1, count(screen(page), "list the commands this terminal understands"));

        page.keyboard().type("clear");
        page.keyboard().press("Enter");
        waitForPrompt(page);
        page.waitForFunction("() => !window.kubelab.term.buffer.active.getLine(0).translateToString(true).includes('Welcome')");

        // A student's first kubectl steps, as a course has them.
        for (String line : new String[]{"alias k=kubectl", "k create deployment web --image=nginx --replicas=3",
                "k rollout status deploy/web", "k get pods -o wide", "k expose deploy web --port=80",
                "k get svc web -o jsonpath='{.spec.clusterIP}{\"\\n\"}'"}) {
            page.keyboard().type(line);
            page.keyboard().press("Enter");
            waitForPrompt(page);
        }
        waitForScreen(page, "service/web exposed");
        String kubectl = screen(page);
        assertTrue(kubectl.contains("deployment.apps/web created"), kubectl);
        assertTrue(kubectl.contains("deployment \"web\" successfully rolled out"), kubectl);
        assertTrue(kubectl.contains("NAME                   READY   STATUS    RESTARTS   AGE   IP "), kubectl);
        assertTrue(kubectl.matches("(?s).*\\n10\\.(9[6-9]|10[0-9]|11[01])\\.\\d+\\.\\d+\\n.*"), kubectl);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("kubectl.png")));
        context.close();
    }
}
