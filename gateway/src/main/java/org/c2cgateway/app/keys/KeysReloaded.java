package org.c2cgateway.app.keys;

import org.c2cgateway.keys.Credentials;

/** Published when a reload has put new credentials in force, for whatever shows them (metrics). */
public record KeysReloaded(Credentials credentials) {
}
