-- CMDB import into the incident.io catalog: where each table's import got to, and which entry each CI became.
CREATE TABLE cmdb_import_state (
    source_table     VARCHAR(80) PRIMARY KEY,
    catalog_type_id  VARCHAR(120),
    watermark        VARCHAR(19),
    last_run_at      TIMESTAMP WITH TIME ZONE,
    last_summary     VARCHAR(1000)
);

CREATE TABLE catalog_entry_link (
    source_table  VARCHAR(80)  NOT NULL,
    sys_id        VARCHAR(32)  NOT NULL,
    entry_id      VARCHAR(120) NOT NULL,
    fingerprint   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (source_table, sys_id)
);
