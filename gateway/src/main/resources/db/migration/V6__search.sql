-- Search (issue 7): the AS4 conversation a message travels under, and the indexes of the operators' search
-- (GET /api/v1/messages, MessageSearch). Messages traced before this migration have no conversation id.
ALTER TABLE trace_message ADD COLUMN conversation_id VARCHAR(200);

-- Free text over identifiers is an exact or prefix match on each of them (a range scan of its index).
CREATE INDEX trace_message_conversation_id ON trace_message (conversation_id);

-- The newest (or oldest) first, with or without a time range: an index in the order of the answer, the message id
-- breaking ties, so a page is read in order and the scan stops once it is full.
CREATE INDEX trace_message_created_at ON trace_message (created_at, message_id);
CREATE INDEX trace_message_updated_at ON trace_message (updated_at, message_id);
