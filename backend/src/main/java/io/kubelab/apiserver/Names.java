package io.kubelab.apiserver;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Generated names and uids, from the sandbox's own random source so that a replay is reproducible. */
public final class Names {

    /** apimachinery's {@code utilrand.String} alphabet: no vowels, no look-alike characters. */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    public static final int MAX_GENERATED_PREFIX = 58;

    private Names() {
    }

    public static String suffix(RandomGenerator random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** {@code generateName} plus five random characters, the prefix cut so the name fits 63. */
    public static String generate(String prefix, RandomGenerator random) {
        String base = prefix.length() > MAX_GENERATED_PREFIX ? prefix.substring(0, MAX_GENERATED_PREFIX) : prefix;
        return base + suffix(random, 5);
    }

    public static String uid(RandomGenerator random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
