package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A refusal in incident.io's error shape ({@code {type, status, request_id, errors:[{code, message, source?}]}},
 * reference b.4). Thrown by handlers and rendered by the pipeline, which knows the request id.
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;
    private final String field;

    private ApiError(int status, String type, String code, String message, String field) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.field = field;
    }

    static ApiError validation(String field, String code, String message) {
        return new ApiError(422, "validation_error", code, message, field);
    }

    static ApiError required(String field) {
        return validation(field, "is_required", field + " is required");
    }

    static ApiError invalid(String field, String message) {
        return validation(field, "invalid_value", message);
    }

    static ApiError notFound(String what) {
        return new ApiError(404, "not_found", "not_found", what + " was not found", null);
    }

    /** The body could not be decoded at all; incident.io's exact answer here is not documented. */
    static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", "bad_request", message, null);
    }

    static ApiError methodNotAllowed(String method, String path) {
        return new ApiError(405, "method_not_allowed", "method_not_allowed",
                method + " is not supported on " + path, null);
    }

    static ApiError unauthorized(String message) {
        return new ApiError(401, "authentication_error", "missing_authorization_material", message, null);
    }

    static ApiError serverError(int status, String message) {
        return new ApiError(status, status == 503 ? "service_unavailable" : "internal_error",
                status == 503 ? "service_unavailable" : "internal_error", message, null);
    }

    int status() {
        return status;
    }

    ObjectNode render(String requestId) {
        ObjectNode body = ErrorBodies.envelope(type, status, requestId);
        ObjectNode error = body.putArray("errors").addObject().put("code", code).put("message", getMessage());
        if (field != null) {
            error.putObject("source").put("field", field);
        }
        return body;
    }
}
