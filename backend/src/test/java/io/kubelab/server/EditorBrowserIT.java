package io.kubelab.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor over the terminal: {@code vi FILE} and {@code kubectl edit} open it, Ctrl-S and Esc close it. */
class EditorBrowserIT extends BrowserTest {

    private static void waitForPrompt(Page page) {
        page.waitForFunction("() => window.kubelab && window.kubelab.editor.active && !window.kubelab.editor.busy",
                null, new Page.WaitForFunctionOptions().setTimeout(15_000));
    }

    private static void run(Page page, String line) {
        page.keyboard().type(line);
        page.keyboard().press("Enter");
        waitForPrompt(page);
    }

    private static void waitForEditor(Page page, String title) {
        page.waitForFunction("t => !document.getElementById('editor').hidden"
                + " && document.getElementById('editor-title').textContent === t", title,
                new Page.WaitForFunctionOptions().setTimeout(15_000));
    }

    /** The temporary file's name ends in a hash of its text: the part after "kubectl-edit-" on the screen. */
    private static String yamlSuffix(String screen) {
        int at = screen.lastIndexOf("/tmp/kubectl-edit-") + "/tmp/kubectl-edit-".length();
        return screen.substring(at, screen.indexOf('"', at) + 1);
    }

    @Test
    void viAndKubectlEditOpenTheEditorOverTheTerminal() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        page.click("#start-playground");
        page.waitForURL(url -> url.matches(".*/s/[a-z][a-z0-9]{9}$"));
        waitForPrompt(page);
        page.click(".xterm");

        // vi on a new file: an empty editor, typed text, Ctrl-S writes the file and prints nothing.
        page.keyboard().type("vi notes.txt");
        page.keyboard().press("Enter");
        waitForEditor(page, "vi /home/student/notes.txt");
        Locator text = page.locator("#editor-text");
        assertEquals("", text.inputValue());
        assertTrue(page.evaluate("() => document.activeElement.id").equals("editor-text"));
        page.keyboard().type("first line\n");
        page.keyboard().press("Tab");
        page.keyboard().type("indented");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("editor-vi.png")));
        page.keyboard().press("Control+S");
        waitForPrompt(page);
        assertTrue(page.locator("#editor").isHidden());
        assertFalse(screen(page).contains("Warning"), screen(page));
        page.click(".xterm");
        run(page, "cat notes.txt");
        waitForScreen(page, "  indented");
        assertTrue(screen(page).contains("$ cat notes.txt\nfirst line\n  indented\n"), screen(page));

        // Esc with changes warns first; a second Esc quits and the file stays as it was.
        page.keyboard().type("vim notes.txt");
        page.keyboard().press("Enter");
        waitForEditor(page, "vim /home/student/notes.txt");
        assertEquals("first line\n  indented\n", text.inputValue());
        page.keyboard().type("lost ");
        page.keyboard().press("Escape");
        assertTrue(page.locator("#editor").isVisible());
        assertTrue(page.locator("#editor-status").textContent().startsWith("Unsaved changes"));
        page.keyboard().press("Escape");
        waitForPrompt(page);
        page.click(".xterm");
        run(page, "cat notes.txt | wc -c");
        // Saved as vim saves: the last line ends with a newline.
        waitForScreen(page, "\n22\n");

        // kubectl edit on a ConfigMap: the object's YAML, changed and saved, goes to the API server.
        run(page, "kubectl create configmap settings --from-literal=color=blue");
        waitForScreen(page, "configmap/settings created");
        page.keyboard().type("kubectl edit cm/settings");
        page.keyboard().press("Enter");
        waitForEditor(page, "kubectl edit cm/settings");
        String yaml = text.inputValue();
        assertTrue(yaml.startsWith("# Please edit the object below."), yaml);
        assertTrue(yaml.contains("\n  color: blue\n"), yaml);
        text.fill(yaml.replace("\n  color: blue\n", "\n  color: green\n  size: large\n"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("editor-kubectl.png")));
        page.click("#editor-save");
        waitForScreen(page, "configmap/settings edited");
        waitForPrompt(page);
        page.click(".xterm");
        run(page, "kubectl get configmap settings -o yaml | grep -E '^  (color|size):'");
        waitForScreen(page, "  size: large");
        assertTrue(screen(page).contains("\n  color: green\n  size: large\n"), screen(page));

        // An invalid edit reopens the editor with kubectl's reasons on top; Quit then gives up.
        page.keyboard().type("kubectl edit cm/settings");
        page.keyboard().press("Enter");
        waitForEditor(page, "kubectl edit cm/settings");
        text.fill(text.inputValue().replace("\n  color: green\n", "\n  bad key!: green\n"));
        page.keyboard().press("Control+S");
        page.waitForFunction("() => document.getElementById('editor-text').value.includes('was not valid')",
                null, new Page.WaitForFunctionOptions().setTimeout(15_000));
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("editor-reopened.png")));
        page.click("#editor-quit");
        waitForPrompt(page);
        waitForScreen(page, "no valid changes were saved.");
        assertTrue(screen(page).endsWith("$ kubectl edit cm/settings\nA copy of your changes has been stored to "
                + "\"/tmp/kubectl-edit-" + yamlSuffix(screen(page)) + "\nerror: Edit cancelled, no valid changes were saved.\n"
                + "student@workstation:~$ "), screen(page));
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("editor-closed.png")));
        context.close();
    }
}
