package io.kubelab.kubelet;

/**
 * The kubelet's Event reasons ({@code pkg/kubelet/events/event.go}) and messages, in Kubernetes 1.32's
 * words ({@code kuberuntime_container.go}, {@code kuberuntime_manager.go}, {@code images/image_manager.go},
 * {@code prober/prober.go}, {@code kubelet.go}, {@code nodestatus/setters.go}). Formats use Java's
 * {@code %s} where Go's use {@code %v} or {@code %q} (quotes are written out).
 */
final class KubeletEvents {

    private KubeletEvents() {
    }

    // Container events.
    static final String CREATED = "Created";
    static final String STARTED = "Started";
    static final String FAILED = "Failed";
    static final String KILLING = "Killing";
    static final String BACK_OFF = "BackOff";
    static final String FAILED_PRE_STOP_HOOK = "FailedPreStopHook";
    static final String FAILED_POST_START_HOOK = "FailedPostStartHook";

    // Image events.
    static final String PULLING = "Pulling";
    static final String PULLED = "Pulled";
    static final String INSPECT_FAILED = "InspectFailed";
    static final String ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull";

    // Probe events.
    static final String UNHEALTHY = "Unhealthy";

    // Pod events.
    static final String FAILED_MOUNT = "FailedMount";
    static final String SANDBOX_CHANGED = "SandboxChanged";
    static final String FAILED_CREATE_POD_SANDBOX = "FailedCreatePodSandBox";

    // Node events.
    static final String STARTING = "Starting";
    static final String NODE_ALLOCATABLE_ENFORCED = "NodeAllocatableEnforced";
    static final String NODE_READY = "NodeReady";

    static final String CREATED_MESSAGE = "Created container: %s";
    static final String STARTED_MESSAGE = "Started container %s";
    static final String ERROR_MESSAGE = "Error: %s";
    static final String STOPPING_MESSAGE = "Stopping container %s";
    static final String LIVENESS_KILL_MESSAGE = "Container %s failed liveness probe, will be restarted";
    static final String WILL_BE_RESTARTED = ", will be restarted";
    static final String DEFINITION_CHANGED_MESSAGE = "Container %s definition changed, will be restarted";
    static final String STARTUP_KILL_MESSAGE = "Container %s failed startup probe, will be restarted";
    static final String BACK_OFF_RESTART_MESSAGE = "Back-off restarting failed container %s in pod %s";
    static final String PULLING_MESSAGE = "Pulling image \"%s\"";
    static final String PULLED_MESSAGE = "Successfully pulled image \"%s\" in %s (%s including waiting). Image size: %d bytes.";
    static final String PRESENT_MESSAGE = "Container image \"%s\" already present on machine";
    static final String NEVER_PULL_MESSAGE = "Container image \"%s\" is not present with pull policy of Never";
    static final String PULL_FAILED_MESSAGE = "Failed to pull image \"%s\": %s";
    static final String BACK_OFF_PULL_MESSAGE = "Back-off pulling image \"%s\"";
    static final String PROBE_FAILED_MESSAGE = "%s probe failed: %s";
    static final String SANDBOX_CHANGED_MESSAGE = "Pod sandbox changed, it will be killed and re-created.";
    static final String STARTING_MESSAGE = "Starting kubelet.";
    static final String ALLOCATABLE_MESSAGE = "Updated Node Allocatable limit across pods";
    static final String NODE_STATUS_MESSAGE = "Node %s status is now: %s";

    // Container waiting reasons (kuberuntime and images errors).
    static final String CONTAINER_CREATING = "ContainerCreating";
    static final String POD_INITIALIZING = "PodInitializing";
    static final String ERR_IMAGE_PULL = "ErrImagePull";
    static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
    static final String INVALID_IMAGE_NAME = "InvalidImageName";
    static final String CREATE_CONTAINER_CONFIG_ERROR = "CreateContainerConfigError";
    static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
    static final String CRASH_LOOP_MESSAGE = "back-off %s restarting failed container=%s pod=%s";
}
