package org.c2cgateway.app.access;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of a 401 or 403 from the gateway's own APIs: what was refused and what it takes.
 *
 * @param error    {@code unauthenticated} (no or unaccepted credentials) or {@code forbidden} (known caller,
 *                 not allowed here)
 * @param message  the refusal in words, naming the caller when known
 * @param method   the HTTP method refused
 * @param path     the path refused
 * @param requires who may call it, and with which credentials
 */
@Serdeable
public record AccessRefusal(String error, String message, String method, String path, String requires) {
}
