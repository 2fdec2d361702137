package io.kubelab.kubectl.print;

import java.util.Comparator;

/**
 * The order go-yaml v2 writes map keys in ({@code sorter.go}'s keyList.Less), which is not plain string order:
 * runs of digits compare as numbers, the shorter run first when equal ({@code a1}, {@code a01}, {@code a2},
 * {@code a10}), and where a letter meets a non-letter the non-letter comes first ({@code a_b} before {@code ab},
 * {@code Z} before {@code a}). This is yaml.v2 2.4's rule; it is not transitive for some keys ({@code a1b},
 * {@code a01}, {@code a10}), and then kubectl's own order varies from run to run with Go's map order.
 */
final class GoYamlKeyOrder {

    static final Comparator<String> ORDER = (a, b) -> less(a, b) ? -1 : less(b, a) ? 1 : 0;

    private GoYamlKeyOrder() {
    }

    static void sort(String[] keys) {
        if (keys.length <= 12) {
            insertionSort(keys); // Go's pdqsort sorts short slices by insertion, and so do we: same result always
            return;
        }
        try {
            java.util.Arrays.sort(keys, ORDER);
        } catch (IllegalArgumentException inconsistent) {
            insertionSort(keys);
        }
    }

    private static void insertionSort(String[] keys) {
        for (int i = 1; i < keys.length; i++) {
            for (int j = i; j > 0 && less(keys[j], keys[j - 1]); j--) {
                String swap = keys[j];
                keys[j] = keys[j - 1];
                keys[j - 1] = swap;
            }
        }
    }

    static boolean less(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca == cb) {
                i += Character.charCount(ca);
                j += Character.charCount(cb);
                continue;
            }
            boolean al = Character.isLetter(ca);
            boolean bl = Character.isLetter(cb);
            if (al && bl) {
                return ca < cb;
            }
            if (al || bl) {
                return bl;
            }
            long an = 0;
            long bn = 0;
            if (ca == '0' || cb == '0') {
                // a zero after a non-zero digit of the common prefix is part of a longer number
                for (int k = i - 1; k >= 0 && Character.isDigit(a.charAt(k)); k--) {
                    if (a.charAt(k) != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            while (ai < a.length() && Character.isDigit(a.codePointAt(ai))) {
                int d = a.codePointAt(ai);
                an = an * 10 + (d - '0');
                ai += Character.charCount(d);
            }
            int bi = j;
            while (bi < b.length() && Character.isDigit(b.codePointAt(bi))) {
                int d = b.codePointAt(bi);
                bn = bn * 10 + (d - '0');
                bi += Character.charCount(d);
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai - i != bi - j) {
                // Go compares rune indexes into the two strings, which were equal up to here
                return a.codePointCount(0, ai) < b.codePointCount(0, bi);
            }
            return ca < cb;
        }
        return a.codePointCount(0, a.length()) < b.codePointCount(0, b.length());
    }
}
