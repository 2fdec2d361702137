package io.kubelab.server;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class PagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"X-XSRF-TOKEN\" value=\"([^\"]+)\"");

    private WebClientSession browser;
    private WebClient plain;

    @BeforeEach
    void setUp(Vertx vertx) {
        plain = HealthAndMetricsTest.client(vertx, TestServers.shared());
        browser = WebClientSession.create(plain);
    }

    private HttpResponse<Buffer> get(WebClient client, String path) throws Exception {
        return client.get(path).send().await(10, TimeUnit.SECONDS);
    }

    private String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        assertTrue(m.find(), "no CSRF field in the page");
        return m.group(1);
    }

    private HttpResponse<Buffer> postForm(String path, MultiMap form) throws Exception {
        return browser.post(path).sendForm(form).await(10, TimeUnit.SECONDS);
    }

    @Test
    void homePageOffersPlaygroundCatalogueAndJoin() throws Exception {
        HttpResponse<Buffer> home = get(browser, "/");
        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", home.getHeader("Content-Type"));
        String html = home.bodyAsString();
        assertTrue(html.contains("Start a playground"));
        assertTrue(html.contains("Join a class"));
        assertTrue(html.contains("id=\"scenarios\""));
        assertTrue(html.contains("No scenarios are published on this server yet."));
        csrfToken(html);
        assertTrue(home.getHeader("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals("nosniff", home.getHeader("X-Content-Type-Options"));
        assertFalse(html.contains("<script>"), "no inline scripts");
    }

    @Test
    void startingAPlaygroundOpensItsWorkspace() throws Exception {
        String token = csrfToken(get(browser, "/").bodyAsString());
        HttpResponse<Buffer> play = postForm("/play", MultiMap.caseInsensitiveMultiMap().add("X-XSRF-TOKEN", token));
        assertEquals(303, play.statusCode(), play.bodyAsString());
        String location = play.getHeader("Location");
        assertTrue(location.matches("/s/[a-z][a-z0-9]{9}"), location);

        HttpResponse<Buffer> workspace = get(browser, location);
        assertEquals(200, workspace.statusCode());
        String id = location.substring(3);
        assertTrue(workspace.bodyAsString().contains("data-sandbox=\"" + id + "\""));
        assertTrue(workspace.bodyAsString().contains("/static/vendor/@xterm/xterm@6.0.0/lib/xterm.js"));
        assertTrue(get(browser, "/").bodyAsString().contains("href=\"/s/" + id + "\""), "listed under your sandboxes");

        assertEquals(404, get(plain, location).statusCode(), "another browser cannot open it");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        get(browser, "/");
        HttpResponse<Buffer> r = postForm("/play", MultiMap.caseInsensitiveMultiMap());
        assertEquals(403, r.statusCode());
        assertTrue(r.bodyAsString().contains("This form has expired"));
        HttpResponse<Buffer> forged = postForm("/play", MultiMap.caseInsensitiveMultiMap().add("X-XSRF-TOKEN", "forged"));
        assertEquals(403, forged.statusCode());
    }

    @Test
    void joinWithAnUnknownCodeSaysSo() throws Exception {
        String token = csrfToken(get(browser, "/").bodyAsString());
        HttpResponse<Buffer> r = postForm("/join", MultiMap.caseInsensitiveMultiMap().add("X-XSRF-TOKEN", token)
                .add("code", "ABC-123"));
        assertEquals(404, r.statusCode());
        assertTrue(r.bodyAsString().contains("No class uses the join code \u201cABC-123\u201d."));
    }

    @Test
    void terminalLinkFromTheApiClaimsTheSandboxForThisBrowser() throws Exception {
        var created = plain.post("/api/v1/sandboxes").send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        String id = created.getString("id");
        String link = created.getString("terminalUrl").replaceFirst("^http://[^/]+", "");
        HttpResponse<Buffer> claim = get(browser, link);
        assertEquals(303, claim.statusCode());
        assertEquals("/s/" + id, claim.getHeader("Location"));
        assertEquals(200, get(browser, "/s/" + id).statusCode());
        WebClientSession stranger = WebClientSession.create(plain);
        assertEquals(404, get(stranger, "/s/" + id + "?token=wrong").statusCode(), "a wrong token claims nothing");
        assertEquals(404, get(stranger, "/s/" + id).statusCode());
    }

    @Test
    void unknownPagesAndSandboxesAre404Pages() throws Exception {
        HttpResponse<Buffer> r = get(browser, "/no/such/page");
        assertEquals(404, r.statusCode());
        assertTrue(r.bodyAsString().contains("Not found"));
        assertEquals(404, get(browser, "/s/abcdefghij").statusCode());
        assertEquals(404, get(browser, "/s/..%2F..%2Fetc").statusCode());
    }

    @Test
    void staticAssetsAndVendoredLibrariesAreServedFromTheJar() throws Exception {
        for (String path : new String[]{"/static/css/kubelab.css", "/static/js/workspace.js", "/static/js/line-editor.js",
                "/static/vendor/@xterm/xterm@6.0.0/lib/xterm.js", "/static/vendor/@xterm/addon-fit@0.11.0/lib/addon-fit.js",
                "/static/vendor/sockjs-client@1.6.1/dist/sockjs.min.js",
                "/static/vendor/@vertx/eventbus-bridge-client.js@1.0.0/vertx-eventbus.js"}) {
            assertEquals(200, get(plain, path).statusCode(), path);
        }
    }
}
