package io.incidentbridge.emulator.servicenow;

/** Ends request handling early with a ready error response; the router answers with it. */
final class ApiException extends RuntimeException {

    private final transient ApiResponse response;

    ApiException(ApiResponse response) {
        super("HTTP " + response.status());
        this.response = response;
    }

    ApiResponse response() {
        return response;
    }
}
