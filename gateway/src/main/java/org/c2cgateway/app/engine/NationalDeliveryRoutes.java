package org.c2cgateway.app.engine;

import java.util.List;

import org.apache.camel.RoutesBuilder;

/** The routes of the configured national delivery channel: none for the pull inbox, which has no route. */
public record NationalDeliveryRoutes(List<RoutesBuilder> routes) {
}
