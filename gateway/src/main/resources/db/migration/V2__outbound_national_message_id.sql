-- Idempotent intake: a national message id is accepted once. The primary key is the arbiter between
-- nodes that accept the same resubmission at the same moment: the row is inserted in the same
-- transaction as the message's trace row, and only one insert can win.
-- A table of its own rather than a partial unique index on trace_message (direction = 'OUTBOUND'):
-- H2 has no partial indexes, and inbound national message ids come from several partners' systems,
-- so they need not be unique.
CREATE TABLE outbound_submission (
    national_message_id VARCHAR(70)  NOT NULL PRIMARY KEY,
    message_id          VARCHAR(200) NOT NULL REFERENCES trace_message (message_id)
);

-- Messages accepted before this migration: the first one traced for each national message id.
INSERT INTO outbound_submission (national_message_id, message_id)
SELECT national_message_id, MIN(message_id)
FROM trace_message
WHERE direction = 'OUTBOUND' AND national_message_id IS NOT NULL
GROUP BY national_message_id;

CREATE INDEX trace_message_national_message_id ON trace_message (national_message_id);
