package io.incidentbridge.emulator.servicenow;

import java.util.Arrays;
import java.util.Locale;

/**
 * Accept and Content-Type checks (§1.1 headers; §A). Only JSON is emulated, so an XML-only Accept is 406.
 * A missing header is tolerated (UNCONFIRMED: the doc says 400) because clients that omit it are common
 * and real instances default to JSON; a Content-Type on a bodiless GET/DELETE is accepted (Camel sends it, §7).
 */
final class ContentNegotiation {

    private ContentNegotiation() {
    }

    static void check(ApiRequest request) {
        String accept = request.header("accept");
        if (accept != null && Arrays.stream(accept.split(",")).map(ContentNegotiation::mediaType)
                .noneMatch(t -> t.equals("application/json") || t.equals("*/*") || t.equals("application/*"))) {
            throw new ApiException(ErrorResponses.notAcceptable());
        }
        String contentType = request.header("content-type");
        boolean hasBody = !request.body().isEmpty();
        if (hasBody && contentType != null && !mediaType(contentType).equals("application/json")) {
            throw new ApiException(ErrorResponses.unsupportedMediaType());
        }
    }

    private static String mediaType(String headerValue) {
        return headerValue.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }
}
