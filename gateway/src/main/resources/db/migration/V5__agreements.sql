-- Rule sets (issue 6). One national notification now becomes one outbound message per receiving partner
-- (a pre-arrival goes to every country of its itinerary after this one), so the idempotency key of intake is
-- (national message id, partner), not the national message id alone. A new table rather than a changed
-- primary key: dropping an unnamed primary key is written differently in H2 and PostgreSQL.
CREATE TABLE outbound_delivery (
    message_id          VARCHAR(200) NOT NULL PRIMARY KEY REFERENCES trace_message (message_id),
    national_message_id VARCHAR(70)  NOT NULL,
    partner             VARCHAR(2)   NOT NULL,
    CONSTRAINT outbound_delivery_once UNIQUE (national_message_id, partner)
);

INSERT INTO outbound_delivery (message_id, national_message_id, partner)
SELECT s.message_id, s.national_message_id, m.partner
FROM outbound_submission s JOIN trace_message m ON m.message_id = s.message_id;

DROP TABLE outbound_submission;

-- Every message and every step records the agreement version that applied (null before this migration,
-- and for messages refused before an agreement was found).
ALTER TABLE trace_message ADD COLUMN agreement_id VARCHAR(40);
ALTER TABLE trace_message ADD COLUMN agreement_version INTEGER;
ALTER TABLE trace_event ADD COLUMN agreement_id VARCHAR(40);
ALTER TABLE trace_event ADD COLUMN agreement_version INTEGER;
