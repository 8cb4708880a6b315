package org.c2cgateway.security;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.wss4j.dom.engine.WSSConfig;

/**
 * One-time initialisation of WSS4J/Santuario.
 *
 * <p>{@link WSSConfig#init()} registers Santuario's XML-DSig provider, its transforms (including
 * the SwA attachment transforms) and turns off base64 line breaks, which gives single-line values
 * like the phase4 captures. It does <em>not</em> register Bouncy Castle, and we do not either: on
 * JDK 17 SunJCE provides everything the AS4 profile needs (RSA-SHA256, RSA-OAEP with SHA-256 and
 * MGF1-SHA-256, AES-GCM) and its AES-GCM is far faster than BC's. Inserting BC at position 1 would
 * silently make BC the AES implementation for the whole JVM.
 *
 * <p>It also quiets one java.util.logging warning from Santuario ("The input bytes to the digest
 * operation are null"), which it logs for every SwA attachment reference because the attachment
 * transform computes the digest input itself. It is expected, would otherwise appear on every
 * message, and is not a problem. Other Santuario warnings are untouched.
 */
public final class SecurityBootstrap {

    /** Held strongly: java.util.logging forgets the level of loggers that are garbage-collected. */
    private static final Logger DOM_REFERENCE_LOG =
            Logger.getLogger("org.apache.jcp.xml.dsig.internal.dom.DOMReference");

    private static volatile boolean initialised;

    private SecurityBootstrap() {
    }

    /** Idempotent and thread-safe; called by every class of this package that uses WSS4J. */
    public static void ensureInitialised() {
        if (!initialised) {
            synchronized (SecurityBootstrap.class) {
                if (!initialised) {
                    WSSConfig.init();
                    DOM_REFERENCE_LOG.setLevel(Level.SEVERE);
                    initialised = true;
                }
            }
        }
    }
}
