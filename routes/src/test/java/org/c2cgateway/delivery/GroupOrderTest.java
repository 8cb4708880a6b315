package org.c2cgateway.delivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GroupOrderTest {

    private final GroupOrder order = new GroupOrder();

    @Test
    void a_group_without_failures_is_never_held() {
        assertDoesNotThrow(() -> order.admit("MRN-1", "a"));
        assertDoesNotThrow(() -> order.admit("MRN-1", "b"));
        assertDoesNotThrow(() -> order.admit(null, "c"));
    }

    @Test
    void after_a_failure_the_group_goes_in_first_seen_order_and_other_groups_are_not_held() throws Exception {
        order.admit("MRN-1", "a");
        order.failed("MRN-1", "a");
        GroupOrder.HeldBack held = assertThrows(GroupOrder.HeldBack.class, () -> order.admit("MRN-1", "b"));
        assertEquals("b waits for a, an earlier message of group MRN-1", held.getMessage());
        assertThrows(GroupOrder.HeldBack.class, () -> order.admit("MRN-1", "c"));
        assertDoesNotThrow(() -> order.admit("MRN-2", "x"), "another movement flows on");

        // the broker offers them again in any order: only the first in line goes
        assertThrows(GroupOrder.HeldBack.class, () -> order.admit("MRN-1", "c"));
        order.admit("MRN-1", "a");
        order.done("MRN-1", "a");
        assertThrows(GroupOrder.HeldBack.class, () -> order.admit("MRN-1", "c"), "b came before c");
        order.admit("MRN-1", "b");
        order.done("MRN-1", "b");
        order.admit("MRN-1", "c");
        order.done("MRN-1", "c");
        assertDoesNotThrow(() -> order.admit("MRN-1", "d"), "the line is gone with its last message");
    }

    @Test
    void held_back_deliveries_are_no_attempts() {
        order.failed("MRN-1", "a");
        assertThrows(GroupOrder.HeldBack.class, () -> order.admit("MRN-1", "b"));
        assertThrows(GroupOrder.HeldBack.class, () -> order.admit("MRN-1", "b"));
        assertEquals(1, order.attempt("b", 3), "the third delivery is b's first attempt");
        order.done("MRN-1", "a");
        order.done("MRN-1", "b");
        assertEquals(3, order.attempt("b", 3), "forgotten once done");
    }

    @Test
    void a_dead_lettered_head_lets_the_rest_of_its_group_go() throws Exception {
        order.failed("MRN-1", "a");
        assertThrows(GroupOrder.HeldBack.class, () -> order.admit("MRN-1", "b"));
        order.done("MRN-1", "a"); // dead-lettered
        assertDoesNotThrow(() -> order.admit("MRN-1", "b"));
    }
}
