package org.c2cgateway.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback ports for tests that must name a port before they bind it (a gateway's configuration does).
 *
 * <p>Asking the system for port 0 and closing the socket again is racy twice over, and CI lost runs to both:
 * <ul>
 *   <li>the port comes from the ephemeral range, so any outgoing connection (a JDBC pool, an HTTP client) may
 *       take it as its local port before the gateway binds it ("Failed to bind");</li>
 *   <li>the system hands the same port out again soon, and CXF keeps its Jetty engines in a JVM-wide registry
 *       by port, so a port a stopped test used may still be registered ("can't set the TLS params on the
 *       opened connector").</li>
 * </ul>
 * So ports come from just below the ephemeral range, where the system never assigns one on its own, and each
 * port is handed out at most once per JVM. Each JVM starts at its own offset, so that the gateways a test
 * spawns as processes and a second test JVM rarely meet; a port that is taken is skipped.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int SPAN = 10_000;
    private static final int FIRST = firstBelowEphemeral() - SPAN;
    private static final AtomicInteger NEXT = new AtomicInteger(
            (int) Math.floorMod(ProcessHandle.current().pid() * 7919L + System.nanoTime(), SPAN));

    private FreePorts() {
    }

    /** A port no one listens on now, and that this JVM never handed out before. */
    public static int next() {
        for (int tried = 0; tried < SPAN; tried++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), SPAN);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + (FIRST + SPAN - 1));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false); // a port still in TIME_WAIT is skipped too
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The lowest port the system picks on its own (32768 on Linux unless tuned; the IANA 49152 elsewhere). */
    private static int firstBelowEphemeral() {
        // read as a stream: /proc reports a size of 0, and Files.readString trusts the size
        try (BufferedReader range = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            int low = Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
            return Math.max(low, 1024 + SPAN);
        } catch (IOException | RuntimeException unreadable) {
            return 49152;
        }
    }
}
