package io.incidentbridge.mapping;

import java.time.OffsetDateTime;

/** One version of a mapping file (a JSLT template or the value tables), as saved. */
public record MappingVersion(String name, int version, String content, String source, String comment,
                             OffsetDateTime updatedAt, String updatedBy) {
    /** Taken in from the file under mappings/. */
    public static final String FILE = "file";
    /** Saved on the /mappings page. */
    public static final String PAGE = "page";
    /** Saved through the admin API. */
    public static final String API = "api";
}
