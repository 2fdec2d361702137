package io.kubelab.model;

import java.time.Duration;
import java.time.Instant;

/**
 * apimachinery's {@code duration.HumanDuration}: the AGE column ({@code 45s}, {@code 3m20s}, {@code 5h},
 * {@code 2d3h}, {@code 400d}, {@code 3y20d}). Not docker's go-units wording that crictl prints.
 */
public final class HumanDuration {

    private HumanDuration() {
    }

    /** The age of something that happened at {@code then}, seen at {@code now}. */
    public static String since(Instant then, Instant now) {
        return of(Duration.between(then, now));
    }

    public static String of(Duration d) {
        // Go's int(d.Seconds()) truncates towards zero; up to 2 seconds in the future reads as "0s".
        long seconds = d.getSeconds() < 0 && d.getNano() > 0 ? d.getSeconds() + 1 : d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = seconds / 3600;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = hours / 24 % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }
}
