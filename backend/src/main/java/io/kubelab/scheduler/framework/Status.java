package io.kubelab.scheduler.framework;

import java.util.List;

/**
 * A plugin's answer ({@code framework.Status}): a code, the reasons in the plugin's exact words (they are
 * what {@code FailedScheduling} counts), and the plugin that gave it.
 */
public record Status(Code code, List<String> reasons, String plugin) {

    public static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), "");
    public static final Status SKIP = new Status(Code.SKIP, List.of(), "");

    public static Status unschedulable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE, List.of(reasons), "");
    }

    public static Status unresolvable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reasons), "");
    }

    public boolean isSuccess() {
        return code == Code.SUCCESS;
    }

    public boolean isRejected() {
        return code == Code.UNSCHEDULABLE || code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE;
    }

    /** {@code Status.Message()}: the reasons joined by ", ". */
    public String message() {
        return String.join(", ", reasons);
    }

    public Status withPlugin(String name) {
        return new Status(code, reasons, name);
    }
}
