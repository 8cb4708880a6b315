package org.c2cgateway.bench.exchange;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU time the trace store's database server has used, from the operating system: with {@code --db postgres},
 * every {@code postgres} process's user and system time, plus the time of its exited children (autovacuum workers,
 * backends of closed connections), which the postmaster's {@code cutime} and {@code cstime} hold once it has reaped
 * them. Without it a run on PostgreSQL looked cheaper than one on H2 only because the database's work was done
 * outside the two gateway processes. H2 runs inside each gateway, so it needs no server.
 */
final class StoreServerCpu {

    /** The kernel's clock ticks per second for {@code /proc/<pid>/stat} ({@code USER_HZ}), 100 on Linux. */
    private static final long TICKS_PER_SECOND = 100;
    private static final String SERVER = "postgres";

    private StoreServerCpu() {
    }

    /** The server's CPU so far; zero with no server. */
    static Duration of(boolean postgres) {
        if (!postgres) {
            return Duration.ZERO;
        }
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                ticks += serverTicks(ProcFile.firstLine(process.resolve("stat"))); // a process gone counts nothing
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the database server's CPU time from /proc: " + e, e);
        }
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    /**
     * The ticks of one {@code /proc/<pid>/stat} line if it is a database server process (utime, stime, cutime and
     * cstime: fields 14 to 17), else 0. The name in brackets may itself hold spaces and brackets, so the fields are
     * counted after its last closing bracket.
     */
    static long serverTicks(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open || !SERVER.equals(stat.substring(open + 1, close))) {
            return 0;
        }
        String[] fields = stat.substring(close + 2).trim().split(" +"); // fields[0] is field 3, the state
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
    }
}
