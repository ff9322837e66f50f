package io.incidentbridge.emulator.incidentio;

/**
 * The incident a test wants to exist, in the words a person would use (status and severity by name).
 * {@code severityName} or {@code summary} may be null: incident.io allows an incident without either.
 */
public record IncidentSpec(String name, String summary, String severityName, String statusName, String mode,
                           String visibility) {

    public IncidentSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an incident needs a name");
        }
        if (statusName == null) {
            throw new IllegalArgumentException("an incident always has a status");
        }
    }

    /** A public, standard, Major incident being investigated. */
    public static IncidentSpec of(String name) {
        return new IncidentSpec(name, "Customer impact is being investigated.", "Major", "Investigating", "standard",
                "public");
    }

    public IncidentSpec withSummary(String newSummary) {
        return new IncidentSpec(name, newSummary, severityName, statusName, mode, visibility);
    }

    public IncidentSpec withSeverity(String newSeverityName) {
        return new IncidentSpec(name, summary, newSeverityName, statusName, mode, visibility);
    }

    public IncidentSpec withStatus(String newStatusName) {
        return new IncidentSpec(name, summary, severityName, newStatusName, mode, visibility);
    }

    public IncidentSpec withMode(String newMode) {
        return new IncidentSpec(name, summary, severityName, statusName, newMode, visibility);
    }

    public IncidentSpec withVisibility(String newVisibility) {
        return new IncidentSpec(name, summary, severityName, statusName, mode, newVisibility);
    }
}
