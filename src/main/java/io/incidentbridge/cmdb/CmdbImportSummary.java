package io.incidentbridge.cmdb;

/** What one import run did. */
public record CmdbImportSummary(int read, int created, int updated, int removed, int unchanged, long millis) {
    @Override
    public String toString() {
        return "read " + read + ", created " + created + ", updated " + updated + ", removed " + removed
                + ", unchanged " + unchanged + " in " + millis + " ms";
    }
}
