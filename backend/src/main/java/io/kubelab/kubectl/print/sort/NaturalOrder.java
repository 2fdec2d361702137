package io.kubelab.kubectl.print.sort;

/**
 * {@code github.com/fvbommel/sortorder.NaturalLess}, which kubectl's sorter uses for strings: runs of digits
 * compare as numbers ({@code pod-9} before {@code pod-10}), digits sort before other characters, the rest
 * compares byte by byte.
 */
final class NaturalOrder {

    private NaturalOrder() {
    }

    static boolean less(String s1, String s2) {
        int i1 = 0;
        int i2 = 0;
        while (i1 < s1.length() && i2 < s2.length()) {
            char c1 = s1.charAt(i1);
            char c2 = s2.charAt(i2);
            boolean d1 = isDigit(c1);
            boolean d2 = isDigit(c2);
            if (d1 != d2) {
                return d1;
            }
            if (!d1) {
                if (c1 != c2) {
                    return c1 < c2;
                }
                i1++;
                i2++;
                continue;
            }
            while (i1 < s1.length() && s1.charAt(i1) == '0') {
                i1++;
            }
            while (i2 < s2.length() && s2.charAt(i2) == '0') {
                i2++;
            }
            int nz1 = i1;
            int nz2 = i2;
            while (i1 < s1.length() && isDigit(s1.charAt(i1))) {
                i1++;
            }
            while (i2 < s2.length() && isDigit(s2.charAt(i2))) {
                i2++;
            }
            int len1 = i1 - nz1;
            int len2 = i2 - nz2;
            if (len1 != len2) {
                return len1 < len2;
            }
            int cmp = s1.substring(nz1, i1).compareTo(s2.substring(nz2, i2));
            if (cmp != 0) {
                return cmp < 0;
            }
            if (nz1 != nz2) {
                return nz1 < nz2;
            }
        }
        return s1.length() < s2.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
