-- How far polling ServiceNow for changes got, per table (for instances without the callback business rule).
CREATE TABLE servicenow_poll_state (
    source_table  VARCHAR(80) PRIMARY KEY,
    watermark     VARCHAR(19) NOT NULL,
    polled_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
