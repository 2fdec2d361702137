package io.kubelab.kubectl.print;

import java.util.Comparator;

/**
 * The order go-yaml v2 writes map keys in ({@code sorter.go}'s keyList.Less), which is not plain string order:
 * runs of digits compare as numbers, the shorter run first when equal ({@code a1}, {@code a01}, {@code a2},
 * {@code a10}), and where a letter meets a non-letter the non-letter comes first ({@code a_b} before {@code ab},
 * {@code Z} before {@code a}). This is yaml.v2 2.4's rule (later versions added exceptions after digits).
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

    static boolean less(String as, String bs) {
        int[] a = as.codePoints().toArray();
        int[] b = bs.codePoints().toArray();
        for (int i = 0; i < a.length && i < b.length; i++) {
            if (a[i] == b[i]) {
                continue;
            }
            boolean al = Character.isLetter(a[i]);
            boolean bl = Character.isLetter(b[i]);
            if (al && bl) {
                return a[i] < b[i];
            }
            if (al || bl) {
                return bl;
            }
            long an = 0;
            long bn = 0;
            int ai = i;
            while (ai < a.length && Character.isDigit(a[ai])) {
                an = an * 10 + (a[ai++] - '0');
            }
            int bi = i;
            while (bi < b.length && Character.isDigit(b[bi])) {
                bn = bn * 10 + (b[bi++] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return a[i] < b[i];
        }
        return a.length < b.length;
    }
}
