package org.c2cgateway.app.engine;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;

import org.c2cgateway.national.NationalInbox;
import org.c2cgateway.trace.TraceRecorder;

/** Wires the channels that hand received notifications to the national system. */
@Factory
public class NationalDeliveryFactory {

    @Singleton
    NationalInbox nationalInbox(ConnectionFactory connections, TraceRecorder trace) {
        return new NationalInbox(connections, trace);
    }
}
