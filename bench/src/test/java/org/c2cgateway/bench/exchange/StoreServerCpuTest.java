package org.c2cgateway.bench.exchange;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoreServerCpuTest {

    @Test
    void a_database_server_process_counts_its_own_and_its_reaped_childrens_time() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String postmaster = "812 (postgres) S 1 812 812 0 -1 4194560 9021 1234567 12 340 150 60 7000 800 20 0 1 0";
        assertEquals(150 + 60 + 7000 + 800, StoreServerCpu.serverTicks(postmaster));
    }

    @Test
    void other_processes_count_nothing_whatever_their_name_holds() {
        assertEquals(0, StoreServerCpu.serverTicks("4711 (java) R 1 4711 4711 0 -1 0 1 0 0 0 900 100 0 0 20 0 60 0"));
        // a name in brackets may hold spaces and brackets: only the whole name counts
        assertEquals(0, StoreServerCpu.serverTicks("77 (not postgres) S 1 77 77 0 -1 0 1 0 0 0 5 5 0 0 20 0 1 0"));
        assertEquals(0, StoreServerCpu.serverTicks("78 (postgres) x) S 1 78 78 0 -1 0 1 0 0 0 5 5 0 0 20 0 1 0"));
        assertEquals(0, StoreServerCpu.serverTicks(""));
    }

    @Test
    void with_h2_there_is_no_server_to_count() {
        assertEquals(Duration.ZERO, StoreServerCpu.of(false));
    }
}
