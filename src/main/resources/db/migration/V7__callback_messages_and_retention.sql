-- Written for both H2 and PostgreSQL.

-- The message id of every signed ServiceNow callback received in the last few minutes: a second callback with the
-- same id is a replay and is refused. The retention clean-up removes ids older than the signature's time window.
CREATE TABLE servicenow_callback_message (
    message_id   VARCHAR(200) PRIMARY KEY,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_callback_message_received ON servicenow_callback_message (received_at);

-- The retention clean-up finds finished events and settled dead letters by the time they were finished.
CREATE INDEX ix_inbox_finished ON inbox_event (status, processed_at);
CREATE INDEX ix_dead_letter_resolved ON dead_letter (status, resolved_at);
