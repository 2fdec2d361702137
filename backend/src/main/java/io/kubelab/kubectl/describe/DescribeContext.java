package io.kubelab.kubectl.describe;

import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.UserInfo;

import java.time.Instant;

/**
 * What a describer needs besides the object: the API server to fetch related objects through (as the
 * user, so RBAC applies), the instant ages are measured to, and kubectl's {@code DescriberSettings}
 * ({@code --show-events}, {@code --chunk-size}).
 */
public record DescribeContext(ApiServer api, UserInfo user, Instant now, boolean showEvents, int chunkSize) {

    /** kubectl's defaults: events shown, lists read 500 at a time. */
    public static DescribeContext of(ApiServer api, UserInfo user, Instant now) {
        return new DescribeContext(api, user, now, true, 500);
    }
}
