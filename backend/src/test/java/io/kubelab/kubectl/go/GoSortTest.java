package io.kubelab.kubectl.go;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The list form of Go's sort.Sort: sorted, and stable up to twelve elements (insertion sort). */
class GoSortTest {

    @Test
    void sortsAListInPlace() {
        List<Integer> list = new ArrayList<>(List.of(5, 3, 9, 1, 7, 2, 8, 6, 4, 0, 15, 11, 13, 12, 14, 10));
        GoSort.sort(list, Comparator.naturalOrder());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), list);
    }

    @Test
    void shortListsKeepTiesInOrder() {
        List<String> list = new ArrayList<>(List.of("b2", "a1", "b1", "a2", "c1", "a3"));
        GoSort.sort(list, Comparator.comparing(s -> s.charAt(0)));
        assertEquals(List.of("a1", "a2", "a3", "b2", "b1", "c1"), list);
    }
}
