package io.kubelab.runtime.image;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image name as containerd and the kubelet read it (distribution/reference): {@code nginx} is
 * {@code docker.io/library/nginx:latest}, {@code bitnami/redis:7} is {@code docker.io/bitnami/redis:7}; a
 * reference with both tag and digest is pulled by digest. Errors carry the library's exact words.
 *
 * @param tag    empty when pulled by digest only
 * @param digest empty, or {@code sha256:<64 hex>}
 */
public record ImageReference(String domain, String path, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[(?:[a-fA-F0-9:]+)\\])";
    private static final String DOMAIN_AND_PORT = HOST + "(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
    private static final String REMOTE = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final Pattern REFERENCE = Pattern.compile(
            "^((?:" + DOMAIN_AND_PORT + "/)?" + REMOTE + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
    private static final Pattern NAME = Pattern.compile("^(?:(" + DOMAIN_AND_PORT + ")/)?(" + REMOTE + ")$");
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-f0-9]{64}$");
    private static final int NAME_MAX = 255;

    /** A name distribution/reference rejects; the message is its error text. */
    public static final class InvalidReferenceException extends Exception {
        public InvalidReferenceException(String message) {
            super(message);
        }
    }

    /** {@code domain/path}, e.g. {@code docker.io/library/nginx}. */
    public String name() {
        return domain + "/" + path;
    }

    @Override
    public String toString() {
        return name() + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }

    /** What containerd pulls (ParseDockerRef): a digest wins over a tag; no tag and no digest means latest. */
    public ImageReference pullable() {
        if (!digest.isEmpty()) {
            return new ImageReference(domain, path, "", digest);
        }
        return tag.isEmpty() ? new ImageReference(domain, path, "latest", "") : this;
    }

    /** ParseNormalizedNamed: familiar names completed with docker.io and library/. */
    public static ImageReference parse(String s) throws InvalidReferenceException {
        if (IDENTIFIER.matcher(s).matches()) {
            throw new InvalidReferenceException("invalid repository name (" + s + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDockerDomain(s);
        String domain = split[0];
        String remainder = split[1];
        int tagSep = remainder.indexOf(':');
        String remote = tagSep > -1 ? remainder.substring(0, tagSep) : remainder;
        if (!remote.toLowerCase(java.util.Locale.ROOT).equals(remote)) {
            throw new InvalidReferenceException("invalid reference format: repository name (" + remote + ") must be lowercase");
        }
        String full = domain + "/" + remainder;
        Matcher m = REFERENCE.matcher(full);
        if (!m.matches()) {
            if (full.isEmpty()) {
                throw new InvalidReferenceException("repository name must have at least one component");
            }
            if (REFERENCE.matcher(full.toLowerCase(java.util.Locale.ROOT)).matches()) {
                throw new InvalidReferenceException("repository name must be lowercase");
            }
            throw new InvalidReferenceException("invalid reference format");
        }
        Matcher name = NAME.matcher(m.group(1));
        String d = name.matches() && name.group(1) != null ? name.group(1) : "";
        String path = name.matches() ? name.group(2) : m.group(1);
        if (path.length() > NAME_MAX) {
            throw new InvalidReferenceException("repository name must not be more than 255 characters");
        }
        String digest = Optional.ofNullable(m.group(3)).orElse("");
        if (!digest.isEmpty()) {
            validateDigest(digest);
        }
        return new ImageReference(d, path, Optional.ofNullable(m.group(2)).orElse(""), digest);
    }

    /** go-digest's Validate for the algorithms containerd registers. */
    private static void validateDigest(String digest) throws InvalidReferenceException {
        int i = digest.indexOf(':');
        String algorithm = digest.substring(0, i);
        String encoded = digest.substring(i + 1);
        int size = switch (algorithm) {
            case "sha256" -> 32;
            case "sha384" -> 48;
            case "sha512" -> 64;
            default -> 0;
        };
        if (size == 0) {
            throw new InvalidReferenceException("unsupported digest algorithm");
        }
        if (encoded.length() != size * 2) {
            throw new InvalidReferenceException("invalid checksum digest length");
        }
        if (!encoded.matches("[a-f0-9]+")) {
            throw new InvalidReferenceException("invalid checksum digest format");
        }
    }

    private static String[] splitDockerDomain(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return new String[] {DOCKER_HUB, "library/" + name};
        }
        String maybeDomain = name.substring(0, slash);
        String maybeRemote = name.substring(slash + 1);
        String domain;
        String remote;
        if (maybeDomain.equals("localhost")) {
            domain = maybeDomain;
            remote = maybeRemote;
        } else if (maybeDomain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
            remote = maybeRemote;
        } else if (maybeDomain.contains(".") || maybeDomain.contains(":")
                || !maybeDomain.toLowerCase(java.util.Locale.ROOT).equals(maybeDomain)) {
            domain = maybeDomain;
            remote = maybeRemote;
        } else {
            domain = DOCKER_HUB;
            remote = name;
        }
        if (domain.equals(DOCKER_HUB) && !remote.contains("/")) {
            remote = "library/" + remote;
        }
        return new String[] {domain, remote};
    }
}
