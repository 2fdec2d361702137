package io.kubelab.runtime.image.programs;

/** runc's words, as containerd 1.7 wraps them, when a container's or an exec's executable is missing. */
public final class StartErrors {

    /** The reason the kubelet shows for a container whose process could not start. */
    public static final String REASON = "StartError";
    /** The exit code the runtime reports for it. */
    public static final int EXIT_CODE = 128;

    private StartErrors() {
    }

    /** The message of a container that could not start ({@code containerStatuses[].state.terminated.message}). */
    public static String create(String executable) {
        return "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: "
                + "unable to start container process: " + notFound(executable) + ": unknown";
    }

    /** What {@code kubectl exec} and an exec probe get when the command does not exist in the container. */
    public static String execNotFound(String executable) {
        return "OCI runtime exec failed: exec failed: unable to start container process: " + notFound(executable) + ": unknown";
    }

    private static String notFound(String executable) {
        if (executable.contains("/")) {
            return "exec: \"" + executable + "\": stat " + executable + ": no such file or directory";
        }
        return "exec: \"" + executable + "\": executable file not found in $PATH";
    }
}
