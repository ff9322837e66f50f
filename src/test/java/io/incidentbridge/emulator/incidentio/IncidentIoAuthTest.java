package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentbridge.emulator.core.RecordedRequest;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

/** Bearer authentication and the documented error shapes for 401 and 404 (reference b.4). */
class IncidentIoAuthTest extends EmulatorTestBase {

    @Test
    void aRequestWithoutAKeyIsRefusedWithTheDocumented401Body() {
        ApiClient.Answer answer = api.withKey(null).get("/v2/incidents");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("type").asText()).isEqualTo("authentication_error");
        assertThat(answer.json().path("status").asInt()).isEqualTo(401);
        assertThat(answer.json().path("request_id").asText()).isNotBlank();
        assertThat(answer.firstError().path("code").asText()).isEqualTo("missing_authorization_material");
        assertThat(answer.firstError().path("message").asText()).isEqualTo("No authorization material provided in request");
    }

    @Test
    void aWrongKeyIsRefusedAlikeAndEachAnswerHasItsOwnRequestId() {
        ApiClient.Answer first = api.withKey("iio-someone-elses-key").get("/v1/identity");
        ApiClient.Answer second = api.withKey("iio-someone-elses-key").get("/v1/identity");

        assertThat(first.status()).isEqualTo(401);
        assertThat(first.firstError().path("code").asText()).isEqualTo("missing_authorization_material");
        assertThat(first.json().path("request_id").asText()).isNotEqualTo(second.json().path("request_id").asText());
    }

    @Test
    void theKeyIsAcceptedOnlyAsABearerTokenWhateverTheCaseOfTheScheme() {
        String key = IncidentIoEmulator.API_KEY;

        assertThat(api.get("/v1/identity").status()).isEqualTo(200);
        assertThat(api.withAuthorization("bearer " + key).get("/v1/identity").status()).isEqualTo(200);
        assertThat(api.withAuthorization("Basic " + key).get("/v1/identity").status()).isEqualTo(401);
        assertThat(api.withAuthorization(key).get("/v1/identity").status()).isEqualTo(401);
    }

    @Test
    void anUnknownRouteIsA404InTheErrorShapeAndAKnownPathWithTheWrongMethodA405() {
        ApiClient.Answer unknown = api.get("/v2/nothing_here");
        ApiClient.Answer wrongMethod = api.send("PATCH", "/v2/incidents", "{}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("not_found");
        assertThat(unknown.firstError().path("code").asText()).isEqualTo("not_found");
        assertThat(wrongMethod.status()).isEqualTo(405);
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedEmulatorNoLongerAnswers() {
        emulator.close();
        emulator.close();

        assertThatThrownBy(() -> api.get("/v1/identity")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void everyRequestIsLoggedWithTheStatusItWasAnswered() {
        api.withKey(null).get("/v2/incidents?page_size=5");
        api.get("/v2/incidents?page_size=5");

        assertThat(emulator.requests()).extracting(RecordedRequest::status).containsExactly(401, 200);
        RecordedRequest logged = emulator.requests().get(1);
        assertThat(logged.method()).isEqualTo("GET");
        assertThat(logged.path()).isEqualTo("/v2/incidents");
        assertThat(logged.query()).containsEntry("page_size", "5");
        assertThat(logged.headers()).containsEntry("authorization", "Bearer " + IncidentIoEmulator.API_KEY);
        assertThat(emulator.count("GET", "/v2/incidents")).isEqualTo(2);
        emulator.clearRequests();
        assertThat(emulator.requests()).isEmpty();
    }
}
