package io.kubelab.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The terminal as bash's readline: Tab completion from the sandbox, Ctrl-R, the kill ring, pasted lines. */
class TerminalEditingBrowserIT extends BrowserTest {

    /** Waits until the screen's last line ends with {@code text} (Tab's answer comes from the server). */
    private static void waitForLineEnd(Page page, String text) {
        page.waitForFunction("t => { const b = window.kubelab.term.buffer.active; let last = '';"
                + " for (let i = 0; i < b.length; i++) { const l = b.getLine(i).translateToString(true); if (l.trim()) last = l; }"
                + " return last.endsWith(t) && !window.kubelab.editor.busy; }", text,
                new Page.WaitForFunctionOptions().setTimeout(15_000));
    }

    private static void waitForPrompt(Page page) {
        page.waitForFunction("() => window.kubelab && window.kubelab.editor.active && !window.kubelab.editor.busy",
                null, new Page.WaitForFunctionOptions().setTimeout(15_000));
    }

    private static int count(String haystack, String needle) {
        return haystack.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    private static void run(Page page, String line) {
        page.keyboard().type(line);
        page.keyboard().press("Enter");
        waitForPrompt(page);
    }

    @Test
    void tabCtrlRAndPasteBehaveAsInBash() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        page.click("#start-playground");
        page.waitForURL(url -> url.matches(".*/s/[a-z][a-z0-9]{9}$"));
        waitForPrompt(page);
        page.click(".xterm");

        // kubectl's commands come with their summaries, one per line as kubectl's bash script formats them.
        page.keyboard().type("kubectl ");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        waitForScreen(page, "version        (Print the client and server version information)");
        String verbs = screen(page);
        assertTrue(verbs.contains("$ kubectl \nannotate       (Update the annotations on a resource)\n"
                + "api-resources  (Print the supported API resources on the server)\n"
                + "api-versions   (Print the supported API versions on the server, in the form of \"group/version\")\n"
                + "apply          (Apply a configuration to a resource by file name or stdin)\n"), verbs);
        assertTrue(verbs.contains("\nversion        (Print the client and server version information)\n"), verbs);
        waitForLineEnd(page, "$ kubectl ");
        page.keyboard().press("Control+U");

        // One candidate completes with a space.
        page.keyboard().type("kubectl api-r");
        page.keyboard().press("Tab");
        waitForLineEnd(page, "$ kubectl api-resources ");
        page.keyboard().press("Control+U");

        // kubectl offers pods, pods.metrics.k8s.io and poddisruptionbudgets.policy: Tab completes their
        // common prefix, a second Tab lists them below the line and draws the prompt and line again.
        page.keyboard().type("kubectl get po");
        page.keyboard().press("Tab");
        waitForLineEnd(page, "$ kubectl get pod");
        page.keyboard().press("Tab");
        waitForScreen(page, "poddisruptionbudgets.policy");
        waitForLineEnd(page, "$ kubectl get pod");
        String listed = screen(page);
        assertTrue(listed.contains("\npoddisruptionbudgets.policy  pods                         pods.metrics.k8s.io\n"),
                listed);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("completion.png")));
        page.keyboard().press("Control+U");

        page.keyboard().type("kubectl get deploy");
        page.keyboard().press("Tab");
        waitForLineEnd(page, "$ kubectl get deployments.apps ");
        page.keyboard().press("Control+C");
        waitForScreen(page, "$ kubectl get deployments.apps ^C");
        waitForPrompt(page);

        // Files of the sandbox: a directory completes with '/'.
        run(page, "mkdir -p manifests");
        page.keyboard().type("ls man");
        page.keyboard().press("Tab");
        waitForLineEnd(page, "$ ls manifests/");
        page.keyboard().press("Control+U");

        // The kill ring: Ctrl-W cuts a word, Ctrl-Y puts it back; Ctrl-A, Ctrl-K, Ctrl-Y the whole line.
        page.keyboard().type("echo first-marker");
        page.keyboard().press("Control+W");
        assertTrue(screen(page).endsWith("$ echo "), screen(page));
        page.keyboard().press("Control+Y");
        page.keyboard().press("Control+A");
        page.keyboard().press("Control+K");
        assertTrue(screen(page).endsWith("$ "), screen(page));
        page.keyboard().press("Control+Y");
        assertTrue(screen(page).endsWith("$ echo first-marker"), screen(page));
        page.keyboard().press("Enter");
        waitForPrompt(page);
        run(page, "echo later");

        // Ctrl-R finds the earlier command; Enter runs it again.
        page.keyboard().press("Control+R");
        page.keyboard().type("first");
        waitForLineEnd(page, "(reverse-i-search)`first': echo first-marker");
        page.keyboard().press("Enter");
        waitForPrompt(page);
        assertEquals(2, count(screen(page), "\nfirst-marker\n"), screen(page));

        // Pasted lines run one after another; a pasted heredoc is one command, shown with "> " lines.
        page.evaluate("() => window.kubelab.term.paste('echo one\\necho two\\n')");
        waitForScreen(page, "\ntwo\n");
        waitForPrompt(page);
        String pasted = screen(page);
        assertTrue(pasted.indexOf("\none\n") < pasted.indexOf("\ntwo\n"), pasted);
        page.evaluate("() => window.kubelab.term.paste('cat <<EOF > note.txt\\nhello from a heredoc\\nEOF\\ncat note.txt\\n')");
        waitForScreen(page, "\nhello from a heredoc\n");
        waitForPrompt(page);
        String heredoc = screen(page);
        assertTrue(heredoc.contains("$ cat <<EOF > note.txt\n> hello from a heredoc\n> EOF\n"), heredoc);
        page.keyboard().press("ArrowUp");
        page.keyboard().press("ArrowUp");
        page.waitForFunction("() => window.kubelab.editor.buffer.startsWith('cat <<EOF > note.txt\\n')");

        // Typed line by line, an open quote continues too.
        page.keyboard().press("Control+C");
        waitForPrompt(page);
        page.keyboard().type("echo \"a");
        page.keyboard().press("Enter");
        waitForLineEnd(page, "> ");
        page.keyboard().type("b\"");
        page.keyboard().press("Enter");
        waitForPrompt(page);
        // One command with its newline (how the shell then reads a newline in quotes is the shell's business).
        assertTrue(screen(page).contains("$ echo \"a\n> b\"\n"), screen(page));
        page.waitForFunction("() => window.kubelab.editor.history.includes('echo \"a\\nb\"')");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("editing.png")));
        context.close();
    }
}
