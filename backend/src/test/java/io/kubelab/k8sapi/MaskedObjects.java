package io.kubelab.k8sapi;

import java.util.regex.Pattern;

/**
 * What differs between two clusters that received the same writes at different moments: uids,
 * resourceVersions and timestamps are masked in a printed object.
 */
final class MaskedObjects {

    private static final Pattern UID = Pattern.compile("(uid: |\"uid\": )\"?[0-9a-f-]{36}\"?");
    private static final Pattern RESOURCE_VERSION = Pattern.compile("(resourceVersion: |\"resourceVersion\": )\"\\d+\"");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

    private MaskedObjects() {
    }

    static String mask(String text) {
        text = UID.matcher(text).replaceAll("$1<uid>");
        text = RESOURCE_VERSION.matcher(text).replaceAll("$1<rv>");
        return TIME.matcher(text).replaceAll("<time>");
    }
}
