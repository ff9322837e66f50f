package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The organisation's settings: statuses, post-incident flows, severities, incident type, roles, custom fields
 * and users. Their ids are generated per emulator, as incident.io's are per organisation, so a client can only
 * find them by name or category (reference: "never hard-code ids"). Callers get copies.
 */
final class Organisation {
    private final String slug;
    private final List<ObjectNode> statuses = new CopyOnWriteArrayList<>();
    private final List<PostIncidentFlow> flows = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> severities;
    private final ObjectNode incidentType;
    private final List<ObjectNode> roles;
    private final List<ObjectNode> customFields;
    private final List<ObjectNode> users;

    Organisation(String slug, List<ObjectNode> statuses, PostIncidentFlow defaultFlow, List<ObjectNode> severities,
                 ObjectNode incidentType, List<ObjectNode> roles, List<ObjectNode> customFields, List<ObjectNode> users) {
        this.slug = slug;
        this.statuses.addAll(statuses);
        this.flows.add(defaultFlow);
        this.severities = List.copyOf(severities);
        this.incidentType = incidentType;
        this.roles = List.copyOf(roles);
        this.customFields = List.copyOf(customFields);
        this.users = List.copyOf(users);
    }

    String slug() {
        return slug;
    }

    List<ObjectNode> statuses() {
        return statuses.stream().sorted(Comparator.comparingInt(s -> s.path("rank").asInt()))
                .map(ObjectNode::deepCopy).toList();
    }

    Optional<ObjectNode> status(String id) {
        return find(statuses, "id", id);
    }

    ObjectNode statusNamed(String name) {
        return find(statuses, "name", name).orElseThrow(() -> new IllegalArgumentException("no incident status named " + name));
    }

    List<ObjectNode> severities() {
        return severities.stream().map(ObjectNode::deepCopy).toList();
    }

    Optional<ObjectNode> severity(String id) {
        return find(severities, "id", id);
    }

    ObjectNode severityNamed(String name) {
        return find(severities, "name", name).orElseThrow(() -> new IllegalArgumentException("no severity named " + name));
    }

    ObjectNode incidentType() {
        return incidentType.deepCopy();
    }

    List<ObjectNode> roles() {
        return roles.stream().map(ObjectNode::deepCopy).toList();
    }

    List<ObjectNode> customFields() {
        return customFields.stream().map(ObjectNode::deepCopy).toList();
    }

    List<ObjectNode> users() {
        return users.stream().map(ObjectNode::deepCopy).toList();
    }

    /** By id, slack_user_id or email; email addresses compare without regard to case. */
    Optional<ObjectNode> user(String field, String value) {
        if (field.equals("email")) {
            return users.stream().filter(u -> u.path("email").asText().equalsIgnoreCase(value)).findFirst()
                    .map(ObjectNode::deepCopy);
        }
        return find(users, field, value);
    }

    ObjectNode userWithEmail(String email) {
        return user("email", email).orElseThrow(() -> new IllegalArgumentException("no user with email " + email));
    }

    /** The flow whose severity matches the incident's, else the default flow. */
    PostIncidentFlow flowFor(JsonNode incident) {
        String severityId = incident.path("severity").path("id").asText(null);
        return flows.stream().filter(f -> !f.isDefault() && f.severityId().equals(severityId)).findFirst()
                .orElseGet(() -> flows.stream().filter(PostIncidentFlow::isDefault).findFirst().orElseThrow());
    }

    /** A new flow for incidents of one severity, with one new learning status, ranked after every other status. */
    synchronized ObjectNode addPostIncidentFlow(String flowName, String severityName, String statusName, Ulids ids,
                                                MicrosClock clock) {
        if (find(statuses, "name", statusName).isPresent()) {
            throw new IllegalArgumentException("a status named " + statusName + " already exists");
        }
        String severityId = severityNamed(severityName).path("id").asText();
        int rank = statuses.stream().mapToInt(s -> s.path("rank").asInt()).max().orElse(0) + 1;
        ObjectNode status = OrganisationSeed.status(ids.next(), clock.next(), statusName,
                "Post-incident work for " + severityName + " incidents.", "learning", rank);
        statuses.add(status);
        flows.add(new PostIncidentFlow(ids.next(), flowName, severityId, List.of(status.path("id").asText())));
        return status.deepCopy();
    }

    private static Optional<ObjectNode> find(List<ObjectNode> items, String field, String value) {
        return items.stream().filter(item -> item.path(field).asText().equals(value)).findFirst().map(ObjectNode::deepCopy);
    }
}
