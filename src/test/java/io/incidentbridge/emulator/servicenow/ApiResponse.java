package io.incidentbridge.emulator.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A response before it hits the wire; a null body means none at all (and then no Content-Type, §1.6). */
record ApiResponse(int status, List<Header> headers, String body, String contentType) {

    static final String JSON = "application/json;charset=UTF-8";

    record Header(String name, String value) {
    }

    ApiResponse {
        headers = List.copyOf(headers);
    }

    static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, List.of(), Json.write(body), JSON);
    }

    /** The Table API envelope: {@code {"result": ...}} (§1.3). */
    static ApiResponse result(int status, JsonNode result) {
        ObjectNode body = Json.object();
        body.set("result", result);
        return json(status, body);
    }

    static ApiResponse html(int status, String body) {
        return new ApiResponse(status, List.of(), body, "text/html;charset=UTF-8");
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, List.of(), null, null);
    }

    ApiResponse withHeader(String name, String value) {
        return withHeaders(List.of(new Header(name, value)));
    }

    ApiResponse withHeaders(List<Header> more) {
        List<Header> all = new ArrayList<>(headers);
        all.addAll(more);
        return new ApiResponse(status, all, body, contentType);
    }

    ApiResponse withoutBody() {
        return new ApiResponse(status, headers, null, null);
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }
}
