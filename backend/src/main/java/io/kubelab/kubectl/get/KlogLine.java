package io.kubelab.kubectl.get;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A klog fatal line as kubectl writes it: {@code F1125 17:25:02.355107   18273 sorter.go:329] message}. */
final class KlogLine {

    private static final DateTimeFormatter HEADER = DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS");
    /** The pid a sandbox's kubectl reports; any small number looks like one. */
    private static final long PID = 4242;

    private KlogLine() {
    }

    static String fatal(Instant now, String location, String message) {
        return "F" + HEADER.format(now.atZone(ZoneOffset.UTC)) + String.format(" %7d ", PID) + location + "] "
                + message + "\n";
    }
}
