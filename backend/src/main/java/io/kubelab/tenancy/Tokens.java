package io.kubelab.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Sandbox identifiers and bearer tokens: random, unguessable, compared in constant time. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    /** 10 characters from 36, starting with a letter: a DNS label, safe in URLs and bus addresses. */
    public static final int ID_LENGTH = 10;

    private Tokens() {
    }

    public static String newSandboxId() {
        char[] id = new char[ID_LENGTH];
        id[0] = ID_ALPHABET[RANDOM.nextInt(26)];
        for (int i = 1; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    public static boolean isSandboxId(String s) {
        return s != null && s.matches("[a-z][a-z0-9]{" + (ID_LENGTH - 1) + "}");
    }

    /** 256 random bits, URL-safe base64 without padding. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    public static boolean matches(String token, String expectedHash) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(expectedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(token), expected);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
