package org.c2cgateway.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between the sending gateway and the receiving gateway's AS4 port that misbehaves at random,
 * below TLS (it sees only encrypted bytes): it resets a connection before a request passes, resets the
 * connection instead of passing on an answer (the partner has processed the request, the sender never learns
 * it), or holds an answer back for longer than the sender's request timeout. Each answer is judged on its own,
 * so a kept-alive connection keeps meeting faults. With the faults off it passes everything through.
 */
final class FaultProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicBoolean faulty = new AtomicBoolean();
    private final double resetConnection;
    private final double dropAnswer;
    private final double delayAnswer;
    private final long delayMillis;
    final AtomicLong connectionsReset = new AtomicLong();
    final AtomicLong answersDropped = new AtomicLong();
    final AtomicLong answersDelayed = new AtomicLong();

    /**
     * @param resetConnection chance that a new connection, or one kept alive as a request starts, is reset
     * @param dropAnswer      chance that an answer is replaced by a reset
     * @param delayAnswer     chance that an answer is held back {@code delayMillis}
     */
    FaultProxy(int targetPort, double resetConnection, double dropAnswer, double delayAnswer, long delayMillis) throws IOException {
        this.targetPort = targetPort;
        this.resetConnection = resetConnection;
        this.dropAnswer = dropAnswer;
        this.delayAnswer = delayAnswer;
        this.delayMillis = delayMillis;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String url() {
        return "https://localhost:" + port() + "/as4";
    }

    void faults(boolean on) {
        faulty.set(on);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (faulty.get() && chance(resetConnection)) {
                    connectionsReset.incrementAndGet();
                    reset(client);
                    continue;
                }
                Socket target;
                try {
                    target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException partnerDown) {
                    reset(client); // as the partner itself would: nothing listens
                    continue;
                }
                Connection connection = new Connection(client, target);
                start(() -> connection.pump(client, target, false), "fault-proxy-up");
                start(() -> connection.pump(target, client, true), "fault-proxy-down");
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("fault proxy: " + e);
                }
            }
        }
    }

    private static void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean chance(double p) {
        return ThreadLocalRandom.current().nextDouble() < p;
    }

    /** RST instead of FIN: what the sender sees when a peer or a middlebox drops the connection. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Both directions of one proxied connection. */
    private final class Connection {
        private final Socket client;
        private final Socket target;
        /** Set when the sender has sent bytes since the last answer began: the next bytes back start an answer. */
        private volatile boolean requestSent;

        Connection(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        void pump(Socket from, Socket to, boolean answers) {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!answers) {
                        if (!requestSent && faulty.get() && chance(resetConnection)) {
                            connectionsReset.incrementAndGet(); // a kept-alive connection dropped as a request starts
                            break;
                        }
                        requestSent = true;
                    } else if (requestSent) {
                        requestSent = false;
                        if (faulty.get() && chance(dropAnswer)) {
                            answersDropped.incrementAndGet();
                            break;
                        }
                        if (faulty.get() && chance(delayAnswer)) {
                            answersDelayed.incrementAndGet();
                            Thread.sleep(delayMillis);
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed or reset; closing both below passes that on
            } finally {
                reset(client);
                reset(target);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
