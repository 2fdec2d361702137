package io.kubelab.kubectl.go;

import java.util.Comparator;
import java.util.List;

/**
 * Go's {@code sort.Sort} (pattern-defeating quicksort, Go 1.19+), step for step, because kubectl's
 * {@code --sort-by} is not a stable sort and its comparison is not a strict order (an object missing the
 * field is "less" than everything, itself included): to print equal or missing keys in kubectl's order we
 * must make the same comparisons and swaps; describe's sorts (events of the same second) likewise. Lists of
 * up to 12 are an insertion sort, hence stable; beyond that the order of ties is not, deterministically.
 */
public final class GoSort {

    /** Go's {@code sort.Interface}. */
    public interface Data {
        int len();

        boolean less(int i, int j);

        void swap(int i, int j);
    }

    private static final int INCREASING = 1;
    private static final int DECREASING = 2;
    private static final int UNKNOWN = 0;

    private GoSort() {
    }

    /** {@code sort.Sort(data)}. */
    public static void sort(Data data) {
        int n = data.len();
        pdqsort(data, 0, n, 32 - Integer.numberOfLeadingZeros(n));
    }

    /** Sorts the list in place, as {@code sort.Sort} with {@code Less(i, j) = less.compare(i, j) < 0}. */
    public static <T> void sort(List<T> list, Comparator<? super T> less) {
        sort(new Data() {
            @Override
            public int len() {
                return list.size();
            }

            @Override
            public boolean less(int i, int j) {
                return less.compare(list.get(i), list.get(j)) < 0;
            }

            @Override
            public void swap(int i, int j) {
                list.set(i, list.set(j, list.get(i)));
            }
        });
    }

    static void insertionSort(Data data, int a, int b) {
        for (int i = a + 1; i < b; i++) {
            for (int j = i; j > a && data.less(j, j - 1); j--) {
                data.swap(j, j - 1);
            }
        }
    }

    private static void siftDown(Data data, int lo, int hi, int first) {
        int root = lo;
        while (true) {
            int child = 2 * root + 1;
            if (child >= hi) {
                return;
            }
            if (child + 1 < hi && data.less(first + child, first + child + 1)) {
                child++;
            }
            if (!data.less(first + root, first + child)) {
                return;
            }
            data.swap(first + root, first + child);
            root = child;
        }
    }

    private static void heapSort(Data data, int a, int b) {
        int first = a;
        int hi = b - a;
        for (int i = (hi - 1) / 2; i >= 0; i--) {
            siftDown(data, i, hi, first);
        }
        for (int i = hi - 1; i >= 0; i--) {
            data.swap(first, first + i);
            siftDown(data, 0, i, first);
        }
    }

    private static void pdqsort(Data data, int a, int b, int limit) {
        final int maxInsertion = 12;
        boolean wasBalanced = true;
        boolean wasPartitioned = true;
        while (true) {
            int length = b - a;
            if (length <= maxInsertion) {
                insertionSort(data, a, b);
                return;
            }
            if (limit == 0) {
                heapSort(data, a, b);
                return;
            }
            if (!wasBalanced) {
                breakPatterns(data, a, b);
                limit--;
            }
            int[] choice = choosePivot(data, a, b);
            int pivot = choice[0];
            int hint = choice[1];
            if (hint == DECREASING) {
                reverseRange(data, a, b);
                pivot = (b - 1) - (pivot - a);
                hint = INCREASING;
            }
            if (wasBalanced && wasPartitioned && hint == INCREASING) {
                if (partialInsertionSort(data, a, b)) {
                    return;
                }
            }
            if (a > 0 && !data.less(a - 1, pivot)) {
                a = partitionEqual(data, a, b, pivot);
                continue;
            }
            int[] part = partition(data, a, b, pivot);
            int mid = part[0];
            wasPartitioned = part[1] == 1;
            int leftLen = mid - a;
            int rightLen = b - mid;
            int balanceThreshold = length / 8;
            if (leftLen < rightLen) {
                wasBalanced = leftLen >= balanceThreshold;
                pdqsort(data, a, mid, limit);
                a = mid + 1;
            } else {
                wasBalanced = rightLen >= balanceThreshold;
                pdqsort(data, mid + 1, b, limit);
                b = mid;
            }
        }
    }

    private static int[] partition(Data data, int a, int b, int pivot) {
        data.swap(a, pivot);
        int i = a + 1;
        int j = b - 1;
        while (i <= j && data.less(i, a)) {
            i++;
        }
        while (i <= j && !data.less(j, a)) {
            j--;
        }
        if (i > j) {
            data.swap(j, a);
            return new int[] {j, 1};
        }
        data.swap(i, j);
        i++;
        j--;
        while (true) {
            while (i <= j && data.less(i, a)) {
                i++;
            }
            while (i <= j && !data.less(j, a)) {
                j--;
            }
            if (i > j) {
                break;
            }
            data.swap(i, j);
            i++;
            j--;
        }
        data.swap(j, a);
        return new int[] {j, 0};
    }

    private static int partitionEqual(Data data, int a, int b, int pivot) {
        data.swap(a, pivot);
        int i = a + 1;
        int j = b - 1;
        while (true) {
            while (i <= j && !data.less(a, i)) {
                i++;
            }
            while (i <= j && data.less(a, j)) {
                j--;
            }
            if (i > j) {
                break;
            }
            data.swap(i, j);
            i++;
            j--;
        }
        return i;
    }

    private static boolean partialInsertionSort(Data data, int a, int b) {
        final int maxSteps = 5;
        final int shortestShifting = 50;
        int i = a + 1;
        for (int step = 0; step < maxSteps; step++) {
            while (i < b && !data.less(i, i - 1)) {
                i++;
            }
            if (i == b) {
                return true;
            }
            if (b - a < shortestShifting) {
                return false;
            }
            data.swap(i, i - 1);
            if (i - a >= 2) {
                for (int j = i - 1; j >= 1; j--) {
                    if (!data.less(j, j - 1)) {
                        break;
                    }
                    data.swap(j, j - 1);
                }
            }
            if (b - i >= 2) {
                for (int j = i + 1; j < b; j++) {
                    if (!data.less(j, j - 1)) {
                        break;
                    }
                    data.swap(j, j - 1);
                }
            }
        }
        return false;
    }

    private static void breakPatterns(Data data, int a, int b) {
        int length = b - a;
        if (length >= 8) {
            long random = length;
            long modulus = 1L << (32 - Integer.numberOfLeadingZeros(length));
            for (int idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
                random ^= random << 13;
                random ^= random >>> 17;
                random ^= random << 5;
                int other = (int) (random & (modulus - 1));
                if (other >= length) {
                    other -= length;
                }
                data.swap(idx, a + other);
            }
        }
    }

    private static int[] choosePivot(Data data, int a, int b) {
        final int shortestNinther = 50;
        final int maxSwaps = 4 * 3;
        int l = b - a;
        int[] swaps = {0};
        int i = a + l / 4;
        int j = a + l / 4 * 2;
        int k = a + l / 4 * 3;
        if (l >= 8) {
            if (l >= shortestNinther) {
                i = median(data, i - 1, i, i + 1, swaps);
                j = median(data, j - 1, j, j + 1, swaps);
                k = median(data, k - 1, k, k + 1, swaps);
            }
            j = median(data, i, j, k, swaps);
        }
        int hint = swaps[0] == 0 ? INCREASING : swaps[0] == maxSwaps ? DECREASING : UNKNOWN;
        return new int[] {j, hint};
    }

    private static int median(Data data, int a, int b, int c, int[] swaps) {
        if (data.less(b, a)) {
            swaps[0]++;
            int t = a;
            a = b;
            b = t;
        }
        if (data.less(c, b)) {
            swaps[0]++;
            int t = b;
            b = c;
            c = t;
        }
        if (data.less(b, a)) {
            swaps[0]++;
            int t = a;
            a = b;
            b = t;
        }
        return b;
    }

    private static void reverseRange(Data data, int a, int b) {
        int i = a;
        int j = b - 1;
        while (i < j) {
            data.swap(i, j);
            i++;
            j--;
        }
    }
}
