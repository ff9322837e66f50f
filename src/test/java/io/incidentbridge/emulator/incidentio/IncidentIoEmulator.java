package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Faults;
import io.incidentbridge.emulator.core.Json;
import io.incidentbridge.emulator.core.LoopbackServer;
import io.incidentbridge.emulator.core.RateLimiter;
import io.incidentbridge.emulator.core.RecordedRequest;
import io.incidentbridge.emulator.core.RequestLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A loopback incident.io: the public API parts the bridge uses, behaving as incident.io documents them
 * (the shared reference notes, incident-io-openapi-notes.md, section b), plus a Java API for tests to set the scene as
 * people would in Slack (create incidents, change status, post updates) without the API's restrictions.
 * Changes made through the Java API bump {@code updated_at}; nothing is sent as a webhook unless a test sends
 * {@link #webhookBody} through a {@link WebhookSender}.
 */
public final class IncidentIoEmulator implements AutoCloseable {
    public static final String API_KEY = "iio-test-api-key-0123";
    private final EmulatorState state;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();
    /** Enough threads that injected latency does not serialise concurrent requests. */
    private static final int THREADS = 32;
    private final LoopbackServer server;

    private IncidentIoEmulator(int port) {
        Clock clock = Clock.systemUTC();
        this.state = EmulatorState.create(clock, API_KEY);
        // incident.io does not document its window; one that opens with the first request makes tests predictable.
        RateLimiter rateLimiter = new RateLimiter(Duration.ofMinutes(1), RateLimiter.Windows.FROM_FIRST_REQUEST);
        this.server = LoopbackServer.start("incident-io-emulator", port, THREADS,
                new ApiPipeline(state.routes(), state.key(), rateLimiter, faults, log, clock));
    }

    /** On 127.0.0.1 and an ephemeral port. */
    public static IncidentIoEmulator start() {
        return new IncidentIoEmulator(0);
    }

    public static IncidentIoEmulator start(int port) {
        return new IncidentIoEmulator(port);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Stores a new incident and returns a copy of its IncidentV2 JSON. */
    public ObjectNode createIncident(IncidentSpec spec) {
        return state.incidents().create(number -> state.factory().build(spec, number));
    }

    /** A copy of the incident's current state, by id or reference number. */
    public ObjectNode incident(String id) {
        return state.incidents().find(id).orElseThrow(() -> new IllegalArgumentException("no incident " + id));
    }

    /** Applies {@code change} to the incident JSON, as a person would in incident.io; always bumps updated_at. */
    public ObjectNode updateIncident(String id, Consumer<ObjectNode> change) {
        return state.incidents().change(id, change, true);
    }

    /** Moves the incident to the named status without the API's transition rules, as the product's UI may. */
    public ObjectNode setStatus(String id, String statusName) {
        ObjectNode status = state.organisation().statusNamed(statusName);
        return state.incidents().change(id, incident -> incident.set("incident_status", status), true);
    }

    /** Posts a status update (IncidentUpdateV2); a non-null status name also moves the incident to it. */
    public ObjectNode addIncidentUpdate(String incidentId, String message, String newStatusName) {
        return state.updates().post(incident(incidentId).path("id").asText(), message, newStatusName);
    }

    /** A new outstanding follow-up (FollowUpV2); {@code assigneeEmail} may be null. */
    public ObjectNode createFollowUp(String incidentId, String title, String description, String assigneeEmail) {
        String id = incident(incidentId).path("id").asText();
        ObjectNode assignee = assigneeEmail == null ? null : state.organisation().userWithEmail(assigneeEmail);
        return state.followUps().create(id, state.organisation().users().get(0), title, description, assignee);
    }

    /** Applies {@code change} to the follow-up JSON, as a person would in incident.io; always bumps updated_at. */
    public ObjectNode updateFollowUp(String id, Consumer<ObjectNode> change) {
        return state.followUps().change(id, change, true);
    }

    public ObjectNode followUp(String id) {
        return state.followUps().find(id).orElseThrow(() -> new IllegalArgumentException("no follow-up " + id));
    }

    /** The incident's attachments (IncidentAttachmentV1), oldest first. */
    public List<ObjectNode> attachments(String incidentId) {
        return state.attachments().forIncident(incident(incidentId).path("id").asText());
    }

    /** An IncidentStatusV2 by name (ids differ per emulator, as they do per organisation). */
    public ObjectNode status(String name) {
        return state.organisation().statusNamed(name);
    }

    public ObjectNode severity(String name) {
        return state.organisation().severityNamed(name);
    }

    /** A UserV2 by email. */
    public ObjectNode user(String email) {
        return state.organisation().userWithEmail(email);
    }

    /** A custom field definition by name ({@code "ServiceNow notes"} is seeded). */
    public ObjectNode customField(String name) {
        return state.organisation().customFields().stream().filter(f -> f.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no custom field named " + name));
    }

    /**
     * Sets a custom field as a person would in incident.io: a select field to its option with this value, any other
     * field to this text. Always bumps updated_at.
     */
    public ObjectNode setCustomField(String incidentId, String fieldName, String value) {
        ObjectNode field = customField(fieldName);
        ObjectNode shown = Json.object();
        if (field.path("field_type").asText().endsWith("_select")) {
            for (var option : field.path("options")) {
                if (option.path("value").asText().equals(value)) {
                    shown.set("value_option", option.deepCopy());
                }
            }
            if (shown.isEmpty()) {
                throw new IllegalArgumentException("the field " + fieldName + " has no option " + value);
            }
        } else {
            shown.put("value_text", value);
        }
        return updateIncident(incidentId, incident -> {
            for (var entry : incident.withArray("custom_field_entries")) {
                if (entry.path("custom_field").path("id").equals(field.path("id"))) {
                    ((ObjectNode) entry).putArray("values").add(shown);
                }
            }
        });
    }

    /** Makes the user with this email the holder of the named role, as a person would in incident.io. */
    public ObjectNode assignRole(String incidentId, String roleName, String email) {
        ObjectNode user = user(email);
        return updateIncident(incidentId, incident -> {
            for (var assignment : incident.withArray("incident_role_assignments")) {
                if (assignment.path("role").path("name").asText().equals(roleName)) {
                    ((ObjectNode) assignment).set("assignee", user);
                }
            }
        });
    }

    /** An incident role by name ({@code "Incident Lead"} is seeded). */
    public ObjectNode incidentRole(String name) {
        return state.organisation().roles().stream().filter(r -> r.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no incident role named " + name));
    }

    /** The webhook body incident.io would send now for this incident or follow-up; see {@link WebhookEvents}. */
    public String webhookBody(String eventType, String resourceId) {
        return state.webhooks().body(eventType, resourceId);
    }

    /**
     * Whether incidents list the custom fields they have no value in, with empty {@code values} (the default), or
     * leave them out: incident.io's documentation does not say which, so tests try both.
     */
    public void listUnsetCustomFields(boolean listed) {
        state.incidents().listUnsetCustomFields(listed);
    }

    /** Gives the API key (or takes away) the global_access role, which shows private incidents. */
    public void allowPrivateIncidents(boolean allowed) {
        state.key().privateIncidents(allowed);
    }

    /** Gives the API key (or takes away) "Close incidents by opting out of post-incident flow". */
    public void allowCloseWithoutPostIncident(boolean allowed) {
        state.key().closeWithoutPostIncident(allowed);
    }

    /** Also accepts status moves between these categories, for moves incident.io's documentation leaves open. */
    public void allowStatusTransition(String fromCategory, String toCategory) {
        state.transitions().allow(fromCategory, toCategory);
    }

    /**
     * Adds a post-incident flow with one new learning status, applying to incidents of the given severity
     * (the seeded "Documenting" belongs to the default flow). Returns the new IncidentStatusV2.
     */
    public ObjectNode addPostIncidentFlow(String flowName, String severityName, String statusName) {
        return state.organisation().addPostIncidentFlow(flowName, severityName, statusName, state.ids(), state.clock());
    }

    public void rateLimitPerMinute(int n) {
        state.key().perMinute(n);
    }

    public Faults faults() {
        return faults;
    }

    public List<RecordedRequest> requests() {
        return log.all();
    }

    public void clearRequests() {
        log.clear();
    }

    /** How many requests had this method and a path starting with {@code pathPrefix}. */
    public long count(String method, String pathPrefix) {
        return log.count(method, pathPrefix);
    }
}
