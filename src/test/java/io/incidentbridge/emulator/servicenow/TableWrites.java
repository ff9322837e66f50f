package io.incidentbridge.emulator.servicenow;

import java.util.Map;
import java.util.Optional;

/** POST, PUT/PATCH (both partial updates, §1.1) and DELETE on the Table API. */
final class TableWrites {

    private final RecordStore store;
    private final RecordWriter writer;
    private final RecordRenderer renderer;
    private final AccessPolicy access;
    private final UserDirectory users;

    TableWrites(RecordStore store, RecordWriter writer, RecordRenderer renderer, AccessPolicy access,
                UserDirectory users) {
        this.store = store;
        this.writer = writer;
        this.renderer = renderer;
        this.access = access;
        this.users = users;
    }

    ApiResponse create(ApiRequest request, UserAccount user, TablePath path, TableSchema table) {
        Map<String, String> input = RequestBody.fields(request);
        if (!access.canCreate(user, table.name())) {
            return ErrorResponses.aclDenied("Insert");
        }
        StoredRow row;
        try {
            row = writer.insert(table, input, Actor.of(user), false);
        } catch (DuplicateRecordException e) {
            return ErrorResponses.duplicateInsert(e);
        }
        String location = path.apiBase(request.origin()) + "/table/" + table.name() + "/" + row.sysId();
        return written(request, user, path, table, row, 201).withHeader("Location", location);
    }

    /** A record the caller cannot read is "not found" before any write ACL is consulted (§1.5). */
    ApiResponse update(ApiRequest request, UserAccount user, TablePath path, TableSchema table) {
        Map<String, String> input = RequestBody.fields(request);
        if (visible(user, path, table).isEmpty()) {
            return ErrorResponses.noRecord();
        }
        if (!access.canWrite(user, table.name())) {
            return ErrorResponses.aclDenied("Update");
        }
        return writer.update(table, path.sysId(), input, Actor.of(user))
                .map(row -> written(request, user, path, table, row, 200))
                .orElseGet(ErrorResponses::noRecord);
    }

    ApiResponse delete(UserAccount user, TablePath path, TableSchema table) {
        if (visible(user, path, table).isEmpty()) {
            return ErrorResponses.noRecord();
        }
        if (!access.canWrite(user, table.name())) {
            return ErrorResponses.aclDenied("Delete");
        }
        return writer.delete(table, path.sysId()) ? ApiResponse.empty(204) : ErrorResponses.noRecord();
    }

    private Optional<Map<String, String>> visible(UserAccount user, TablePath path, TableSchema table) {
        return store.row(table.name(), path.sysId())
                .map(r -> table.view(r.values()))
                .filter(row -> access.canRead(user, table.name(), row));
    }

    /** X-no-response-body: true keeps the status and Location but sends no body and no Content-Type (§1.6). */
    private ApiResponse written(ApiRequest request, UserAccount user, TablePath path, TableSchema table,
                                StoredRow row, int status) {
        ReadOptions options = ReadOptions.from(request, path, users.zone(user));
        ApiResponse response = ApiResponse.result(status, renderer.render(table, table.view(row.values()), options));
        return "true".equalsIgnoreCase(request.header("x-no-response-body")) ? response.withoutBody() : response;
    }
}
