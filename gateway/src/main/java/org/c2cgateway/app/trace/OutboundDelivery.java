package org.c2cgateway.app.trace;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Which gateway message a national message id was accepted as for one partner. The unique key on
 * (national message id, partner) makes a second acceptance for the same partner fail, on any node.
 */
@MappedEntity("outbound_delivery")
public record OutboundDelivery(@Id String messageId, String nationalMessageId, String partner) {
}
