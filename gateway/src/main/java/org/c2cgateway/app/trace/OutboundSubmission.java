package org.c2cgateway.app.trace;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Which gateway message a national message id was accepted as; its key makes a second acceptance fail. */
@MappedEntity("outbound_submission")
public record OutboundSubmission(@Id String nationalMessageId, String messageId) {
}
