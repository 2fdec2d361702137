package io.kubelab.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Playwright driving Debian's Chromium with the settings in STACK.md: never a downloaded browser, no
 * outside lookups, everything it writes under target/.
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browsers() {
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    public static Playwright playwright() {
        Map<String, String> env = new HashMap<>();
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (Files.isExecutable(Path.of("/usr/bin/node"))) {
            env.put("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node");
        }
        for (var dir : Map.of("TMPDIR", "tmp", "XDG_CONFIG_HOME", "xdg-config", "XDG_CACHE_HOME", "xdg-cache").entrySet()) {
            Path path = Path.of("target", "browser", dir.getValue()).toAbsolutePath();
            try {
                Files.createDirectories(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            env.put(dir.getKey(), path.toString());
        }
        return Playwright.create(new Playwright.CreateOptions().setEnv(env));
    }

    public static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1")));
    }
}
