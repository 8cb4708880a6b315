-- Search (issue 7): the AS4 conversation a message travels under, and the indexes of the operators' search
-- (GET /api/v1/messages, MessageSearch). Messages traced before this migration have no conversation id.
ALTER TABLE trace_message ADD COLUMN conversation_id VARCHAR(200);

-- Free text over identifiers is an exact or prefix match on each of them (a range scan of its index; the message
-- id, MRN and national message id have theirs already).
CREATE INDEX trace_message_conversation_id ON trace_message (conversation_id);

-- A page comes newest (or oldest) first. Each index ends with the creation time, so that a search fixing the
-- columns before it reads its page in order from the index and stops once the page is full, however many messages
-- match: the whole store, a partner, a status, a partner and a status, a direction and a type, a movement.
CREATE INDEX trace_message_created_at ON trace_message (created_at, message_id);
CREATE INDEX trace_message_updated_at ON trace_message (updated_at, message_id);
CREATE INDEX trace_message_partner_created ON trace_message (partner, created_at);
CREATE INDEX trace_message_status_created ON trace_message (status, created_at);
CREATE INDEX trace_message_partner_status_created ON trace_message (partner, status, created_at);
CREATE INDEX trace_message_direction_type_created ON trace_message (direction, type, created_at);
CREATE INDEX trace_message_mrn_created ON trace_message (mrn, created_at);
DROP INDEX trace_message_mrn;
