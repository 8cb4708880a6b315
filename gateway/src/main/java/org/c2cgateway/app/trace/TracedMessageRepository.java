package org.c2cgateway.app.trace;

import java.time.Instant;
import java.util.Optional;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.CrudRepository;

public interface TracedMessageRepository extends CrudRepository<TracedMessage, String> {

    void updateStatusAndUpdatedAt(@Id String messageId, String status, Instant updatedAt);

    void updateReceipt(@Id String messageId, String receipt);

    /** Sets the receipt unless one is kept already: of several nodes keeping one, the first stays. */
    @Query("UPDATE trace_message SET receipt = :receipt WHERE message_id = :messageId AND receipt IS NULL")
    int keepReceiptIfAbsent(String messageId, String receipt);

    Optional<String> findStatusByMessageId(String messageId);

    /** The partner column alone: a delivery status's check reads no receipt or payload columns. */
    Optional<String> findPartnerByMessageIdAndDirection(String messageId, String direction);

    /**
     * The row, locked until the transaction ends: two steps of one message traced at once (the inbound route's
     * QUEUED and the national delivery's DELIVERED, on two threads) would otherwise both read the old status
     * and the later write could undo the further one.
     */
    @Query("SELECT * FROM trace_message WHERE message_id = :messageId FOR UPDATE")
    Optional<TracedMessage> lockById(String messageId);

    @OnH2
    interface H2 extends TracedMessageRepository {
    }

    @OnPostgres
    interface Postgres extends TracedMessageRepository {
    }
}
