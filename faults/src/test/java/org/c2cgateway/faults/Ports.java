package org.c2cgateway.faults;

import java.io.IOException;
import java.net.ServerSocket;

/** Free loopback ports, chosen by the system: the suite never uses the fixed ports of the demo configuration. */
final class Ports {

    private Ports() {
    }

    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
