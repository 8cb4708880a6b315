package org.c2cgateway.faults;

import java.io.IOException;
import org.c2cgateway.transport.FreePorts;

/** Free loopback ports, chosen by the system: the suite never uses the fixed ports of the demo configuration. */
final class Ports {

    private Ports() {
    }

    static int free() throws IOException {
        return FreePorts.next();
    }
}
