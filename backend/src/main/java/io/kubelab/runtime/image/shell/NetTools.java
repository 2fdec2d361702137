package io.kubelab.runtime.image.shell;

import io.kubelab.runtime.image.Network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** wget, curl, nc and nslookup over the container's view of the cluster network. */
final class NetTools {

    static final String NAMESERVER = "10.96.0.10";
    static final Duration REQUEST_TIME = Duration.ofMillis(3);
    /** Linux gives up a TCP connect after its SYN retries, about 130 s, when nothing answers. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(130);

    private NetTools() {
    }

    record Url(String scheme, String host, int port, String path) {
        static Url parse(String s) {
            String scheme = "http";
            int sep = s.indexOf("://");
            if (sep >= 0) {
                scheme = s.substring(0, sep);
                s = s.substring(sep + 3);
            }
            int slash = s.indexOf('/');
            String hostPort = slash < 0 ? s : s.substring(0, slash);
            String path = slash < 0 ? "/" : s.substring(slash);
            int colon = hostPort.lastIndexOf(':');
            int port = scheme.equals("https") ? 443 : 80;
            String host = hostPort;
            if (colon > 0) {
                host = hostPort.substring(0, colon);
                port = Builtins.parseInt(hostPort.substring(colon + 1), port);
            }
            return new Url(scheme, host, port, path);
        }
    }

    static int run(String tool, List<String> args, Io io, ShellState st) {
        return switch (tool) {
            case "curl" -> curl(args, io, st);
            case "wget" -> wget(args, io, st);
            default -> nc(args, io, st);
        };
    }

    private static String address(String host, ShellState st) {
        if (host.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            return host;
        }
        if (host.equals("localhost")) {
            return "127.0.0.1";
        }
        List<String> found = st.container().network().resolve(host);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String version(ShellState st, String tool, String fallback) {
        return st.container().tools().stream().filter(t -> t.startsWith(tool + "@")).findFirst()
                .map(t -> t.substring(tool.length() + 1)).orElse(fallback);
    }

    private static int curl(List<String> args, Io io, ShellState st) {
        String url = null;
        String method = null;
        String output = null;
        String writeOut = null;
        String body = "";
        List<String> headers = new ArrayList<>();
        boolean silent = false;
        boolean showErrors = false;
        boolean include = false;
        boolean head = false;
        boolean fail = false;
        Duration maxTime = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-X", "--request" -> method = args.get(++i);
                case "-o", "--output" -> output = args.get(++i);
                case "-w", "--write-out" -> writeOut = args.get(++i);
                case "-H", "--header" -> headers.add(args.get(++i));
                case "-d", "--data", "--data-raw" -> body = args.get(++i);
                case "-m", "--max-time", "--connect-timeout" -> maxTime = Duration.ofMillis((long) (Double.parseDouble(args.get(++i)) * 1000));
                case "-I", "--head" -> head = true;
                case "-i", "--include" -> include = true;
                case "-f", "--fail" -> fail = true;
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        silent |= a.matches("-[a-zA-Z]*s[a-zA-Z]*") || a.equals("--silent");
                        showErrors |= a.contains("S") || a.equals("--show-error");
                        include |= a.matches("-[a-zA-Z]*i[a-zA-Z]*");
                        fail |= a.matches("-[a-zA-Z]*f[a-zA-Z]*");
                    } else {
                        url = a;
                    }
                }
            }
        }
        if (url == null) {
            io.err().write("curl: try 'curl --help' or 'curl --manual' for more information\n");
            return 2;
        }
        boolean errors = !silent || showErrors;
        Url u = Url.parse(url);
        String addr = address(u.host(), st);
        if (addr == null) {
            st.sleep(REQUEST_TIME);
            if (errors) {
                io.err().write("curl: (6) Could not resolve host: " + u.host() + "\n");
            }
            return 6;
        }
        String m = method != null ? method : head ? "HEAD" : body.isEmpty() ? "GET" : "POST";
        String ua = "curl/" + version(st, "curl", "7.88.1");
        Network.HttpExchange ex = st.container().network().send(addr, u.port(),
                new Network.HttpRequest(m, u.host() + (u.port() == 80 ? "" : ":" + u.port()), u.path(), headers, body,
                        st.container().podIp(), ua));
        if (ex instanceof Network.Failure failure) {
            boolean timedOut = failure.reason().contains("timed out");
            Duration waited = timedOut ? (maxTime != null ? maxTime : CONNECT_TIMEOUT) : REQUEST_TIME;
            st.sleep(waited);
            if (errors) {
                io.err().write(timedOut
                        ? "curl: (28) Failed to connect to " + u.host() + " port " + u.port() + " after " + waited.toMillis() + " ms: Timeout was reached\n"
                        : "curl: (7) Failed to connect to " + u.host() + " port " + u.port() + " after " + REQUEST_TIME.toMillis() + " ms: Couldn't connect to server\n");
            }
            return timedOut ? 28 : 7;
        }
        st.sleep(REQUEST_TIME);
        Network.HttpReply reply = ((Network.Answered) ex).reply();
        if (fail && reply.status() >= 400) {
            if (errors) {
                io.err().write("curl: (22) The requested URL returned error: " + reply.status() + "\n");
            }
            return 22;
        }
        StringBuilder text = new StringBuilder();
        if (include || head) {
            text.append("HTTP/1.1 ").append(reply.status()).append(' ').append(reply.reason()).append("\r\n");
            reply.headers().forEach(h -> text.append(h).append("\r\n"));
            text.append("\r\n");
        }
        if (!head) {
            text.append(reply.body());
        }
        if (output != null && !output.equals("-")) {
            if (!output.equals("/dev/null")) {
                st.container().fs().write(st.path(output), text.toString(), st.time());
            }
        } else {
            io.out().write(text.toString());
        }
        if (writeOut != null) {
            io.out().write(writeOut.replace("%{http_code}", Integer.toString(reply.status())).replace("\\n", "\n"));
        }
        return 0;
    }

    private static int wget(List<String> args, Io io, ShellState st) {
        String url = null;
        String output = null;
        boolean quiet = false;
        boolean spider = false;
        Duration timeout = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-O") || a.equals("--output-document")) {
                output = args.get(++i);
            } else if (a.equals("-T") || a.equals("--timeout")) {
                timeout = Duration.ofSeconds(Builtins.parseInt(args.get(++i), 10));
            } else if (a.startsWith("--timeout=")) {
                timeout = Duration.ofSeconds(Builtins.parseInt(a.substring(10), 10));
            } else if (a.startsWith("-") && a.length() > 1) {
                quiet |= a.contains("q");
                spider |= a.equals("--spider") || a.contains("S") && false;
                if (a.contains("O") && a.endsWith("O") && i + 1 < args.size()) {
                    output = args.get(++i);
                } else if (a.contains("O")) {
                    output = a.substring(a.indexOf('O') + 1);
                }
            } else {
                url = a;
            }
        }
        if (url == null) {
            io.err().write("BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n");
            return 1;
        }
        Url u = Url.parse(url);
        String addr = address(u.host(), st);
        if (addr == null) {
            io.err().write("wget: bad address '" + u.host() + "'\n");
            return 1;
        }
        if (!quiet) {
            io.err().write("Connecting to " + u.host() + (u.port() == 80 ? "" : ":" + u.port()) + " (" + addr + ":" + u.port() + ")\n");
        }
        Network.HttpExchange ex = st.container().network().send(addr, u.port(),
                new Network.HttpRequest("GET", u.host() + (u.port() == 80 ? "" : ":" + u.port()), u.path(), List.of(), "",
                        st.container().podIp(), "Wget"));
        if (ex instanceof Network.Failure failure) {
            if (failure.reason().contains("timed out")) {
                st.sleep(timeout != null ? timeout : CONNECT_TIMEOUT);
                io.err().write("wget: download timed out\n");
            } else {
                st.sleep(REQUEST_TIME);
                io.err().write("wget: can't connect to remote host (" + addr + "): Connection refused\n");
            }
            return 1;
        }
        st.sleep(REQUEST_TIME);
        Network.HttpReply reply = ((Network.Answered) ex).reply();
        if (reply.status() >= 400) {
            io.err().write("wget: server returned error: HTTP/1.1 " + reply.status() + " " + reply.reason() + "\n");
            return 1;
        }
        if (spider) {
            return 0;
        }
        String file = output != null ? output : u.path().endsWith("/") ? "index.html" : u.path().substring(u.path().lastIndexOf('/') + 1);
        if (file.equals("-")) {
            io.out().write(reply.body());
            return 0;
        }
        st.container().fs().write(st.path(file), reply.body(), st.time());
        if (!quiet) {
            io.err().write("saving to '" + file + "'\n");
            io.err().write(String.format("%-20s 100%% |********************************| %5d  0:00:00 ETA%n", file, reply.body().length()));
            io.err().write("'" + file + "' saved\n");
        }
        return 0;
    }

    private static int nc(List<String> args, Io io, ShellState st) {
        List<String> ops = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (ops.size() < 2) {
            return 1;
        }
        String addr = address(ops.get(0), st);
        st.sleep(REQUEST_TIME);
        boolean open = addr != null && st.container().network().connects(addr, Builtins.parseInt(ops.get(1), 0));
        if (!open && args.stream().anyMatch(a -> a.contains("v"))) {
            io.err().write("nc: " + ops.get(0) + " (" + (addr == null ? ops.get(0) : addr) + ":" + ops.get(1) + "): Connection refused\n");
        }
        return open ? 0 : 1;
    }

    static int nslookup(List<String> args, Io io, ShellState st) {
        List<String> ops = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (ops.isEmpty()) {
            return 1;
        }
        String name = ops.get(0);
        st.sleep(REQUEST_TIME);
        List<String> found = name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") ? List.of(name) : st.container().network().resolve(name);
        io.out().write("Server:\t\t" + NAMESERVER + "\nAddress:\t" + NAMESERVER + ":53\n\n");
        if (found.isEmpty()) {
            io.out().write("** server can't find " + name + ": NXDOMAIN\n\n");
            return 1;
        }
        for (String a : found) {
            io.out().write("Name:\t" + name + "\nAddress: " + a + "\n");
        }
        io.out().write("\n");
        return 0;
    }
}
