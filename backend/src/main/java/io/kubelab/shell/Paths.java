package io.kubelab.shell;

import java.util.ArrayDeque;
import java.util.Deque;

/** Paths as a shell resolves them: {@code ~}, relative to the working directory, {@code .} and {@code ..}. */
final class Paths {

    private Paths() {
    }

    static String resolve(Sessions.Session session, String path) {
        String p = path;
        if (p.equals("~") || p.startsWith("~/")) {
            p = session.home + p.substring(1);
        }
        if (!p.startsWith("/")) {
            p = session.cwd + "/" + p;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
