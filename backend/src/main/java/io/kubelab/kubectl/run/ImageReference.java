package io.kubelab.kubectl.run;

import java.util.regex.Pattern;

/** distribution/reference's grammar of an image reference, as {@code kubectl run} checks {@code --image}. */
final class ImageReference {

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String NAME_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + NAME_COMPONENT + "(?:/" + NAME_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile("^" + NAME + "(?::" + TAG + ")?(?:@" + DIGEST + ")?$");

    private ImageReference() {
    }

    static boolean valid(String image) {
        return REFERENCE.matcher(image).matches();
    }
}
