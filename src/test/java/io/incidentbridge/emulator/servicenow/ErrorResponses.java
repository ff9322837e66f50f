package io.incidentbridge.emulator.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;

/**
 * Error bodies, all in the Table API envelope {@code {"error":{"message","detail"},"status":"failure"}}
 * (reference §1.5-§1.8) except the OAuth endpoint's own shape (§3).
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static ApiResponse error(int status, String message, String detail) {
        ObjectNode error = Json.object();
        error.put("message", message);
        error.put("detail", detail);
        ObjectNode body = Json.object();
        body.set("error", error);
        body.put("status", "failure");
        return ApiResponse.json(status, body);
    }

    /** Missing, wrong, expired, unknown or revoked credentials alike (§1.6, §1.8, §3). */
    static ApiResponse notAuthenticated() {
        return error(401, "User Not Authenticated", "Required to provide Auth information")
                .withHeader("WWW-Authenticate", "Basic realm=\"Service-now\"");
    }

    /** Unknown, malformed or ACL-hidden sys_id - indistinguishable on purpose (§1.5, §1.6). */
    static ApiResponse noRecord() {
        return error(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
    }

    /** Note the JSON null detail (§1.7). */
    static ApiResponse invalidTable(String table) {
        return error(400, "Invalid table " + table, null);
    }

    /** @param operation "Insert", "Update" or "Delete" (§1.7; insert/delete wording UNCONFIRMED). */
    static ApiResponse aclDenied(String operation) {
        return error(403, "Operation Failed", "ACL Exception " + operation + " Failed due to security constraints");
    }

    static ApiResponse duplicateInsert(DuplicateRecordException e) {
        return error(403, "Operation Failed", e.getMessage());
    }

    /** Wording UNCONFIRMED (§1.7 malformed JSON). */
    static ApiResponse malformedBody() {
        return error(400, "Exception while reading request", "The payload is not valid JSON.");
    }

    /** Wording UNCONFIRMED (§1.7 unmatched URL). */
    static ApiResponse unknownResource() {
        return error(400, "Requested URI does not represent any resource", null);
    }

    static ApiResponse methodNotAllowed(String method) {
        return error(405, "Method not Supported", method + " method not supported for API");
    }

    static ApiResponse notAcceptable() {
        return error(406, "Requested response format is not supported", null);
    }

    static ApiResponse unsupportedMediaType() {
        return error(415, "Request body format is not supported", null);
    }

    /** §4 inbound-REST-API-rate-limiting.md. */
    static ApiResponse rateLimited(int requestsPerHour) {
        return error(429, "Rate limit exceeded",
                "Rate limit of " + requestsPerHour + " requests per hour for Table API exceeded");
    }

    /** Injected 5xx (and other) faults; real hibernating instances answer with an HTML page (§4). */
    static ApiResponse injected(int status, boolean html) {
        String reason = reason(status);
        if (html) {
            return ApiResponse.html(status, "<html><head><title>" + reason + "</title></head><body><h1>"
                    + status + " " + reason + "</h1></body></html>");
        }
        return error(status, reason, null);
    }

    /** Every /oauth_token.do failure looks the same; the cause is only in the instance log (§3). */
    static ApiResponse oauthDenied() {
        ObjectNode body = Json.object();
        body.put("error_description", "access_denied");
        body.put("error", "server_error");
        return ApiResponse.json(401, body);
    }

    /** A bug in the emulator itself: loud, so a test fails instead of passing on a wrong answer. */
    static ApiResponse emulatorFailure(RuntimeException e) {
        return error(500, "Emulator failure", e.toString());
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
