package io.incidentbridge.emulator.servicenow;

/** Routes a Table API request by method and by whether the URL names a record (§1.1). */
final class TableApiEndpoint {

    private final Schemas schemas;
    private final TableReads reads;
    private final TableWrites writes;

    TableApiEndpoint(Schemas schemas, TableReads reads, TableWrites writes) {
        this.schemas = schemas;
        this.reads = reads;
        this.writes = writes;
    }

    ApiResponse handle(ApiRequest request, UserAccount user, TablePath path) {
        ContentNegotiation.check(request);
        TableSchema table = schemas.find(path.table())
                .orElseThrow(() -> new ApiException(ErrorResponses.invalidTable(path.table())));
        String method = request.method();
        if (path.sysId() == null) {
            return switch (method) {
                case "GET", "HEAD" -> reads.list(request, user, path, table);
                case "POST" -> writes.create(request, user, path, table);
                default -> ErrorResponses.methodNotAllowed(method);
            };
        }
        return switch (method) {
            case "GET", "HEAD" -> reads.one(request, user, path, table);
            case "PUT", "PATCH" -> writes.update(request, user, path, table);
            case "DELETE" -> writes.delete(user, path, table);
            default -> ErrorResponses.methodNotAllowed(method);
        };
    }
}
