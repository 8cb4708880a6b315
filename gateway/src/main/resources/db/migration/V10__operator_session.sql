-- Console logins (org.c2cgateway.app.access.OperatorSessions): one row per open session, shared by every node.
-- The token itself is never stored, only its SHA-256 (a random 256-bit value needs no slow hash), so a copy of
-- this table opens no session. A session ends at expires_at (the absolute timeout) or when it was not used for
-- the idle timeout (last_seen_at); expired rows are deleted by any node.
CREATE TABLE operator_session (
    token_sha256 VARCHAR(64)  NOT NULL PRIMARY KEY,
    operator     VARCHAR(200) NOT NULL,
    role         VARCHAR(40)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX operator_session_expires_at ON operator_session (expires_at);
CREATE INDEX operator_session_last_seen_at ON operator_session (last_seen_at);
