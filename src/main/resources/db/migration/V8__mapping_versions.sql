-- Every version of each mapping template and value table (name = file name under mappings/). The newest version
-- of a name is the one in force on every replica. Source: file (read from mappings/), page or api.
CREATE TABLE mapping_version (
    name        VARCHAR(200) NOT NULL,
    version     INTEGER NOT NULL,
    content     VARCHAR(1000000) NOT NULL,
    source      VARCHAR(20) NOT NULL,
    comment     VARCHAR(2000),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    CONSTRAINT mapping_version_unique UNIQUE (name, version)
);
