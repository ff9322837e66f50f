package io.incidentbridge.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Every setting of the bridge, under one prefix; each one is documented in application.yaml. */
@Validated
@ConfigurationProperties(prefix = "bridge")
public record BridgeProperties(
        @Valid @NotNull @DefaultValue ServiceNow servicenow,
        @Valid @NotNull @DefaultValue IncidentIo incidentio,
        @Valid @NotNull @DefaultValue Webhooks webhooks,
        @Valid @NotNull @DefaultValue Inbox inbox,
        @Valid @NotNull @DefaultValue Sync sync,
        @Valid @NotNull @DefaultValue Retry retry,
        @Valid @NotNull @DefaultValue Mapping mapping,
        @Valid @NotNull @DefaultValue Lookups lookups,
        @Valid @NotNull @DefaultValue CmdbImport cmdbImport,
        @Valid @NotNull @DefaultValue Access access,
        @Valid @NotNull @DefaultValue Health health,
        @Valid @NotNull @DefaultValue Reconciliation reconciliation,
        @Valid @NotNull @DefaultValue BackSync backSync,
        @Valid @NotNull @DefaultValue Ownership ownership,
        @Valid @NotNull @DefaultValue Retention retention,
        @Valid @NotNull @DefaultValue Admin admin) {

    public record ServiceNow(
            @DefaultValue("") @Pattern(regexp = "(https?://[^\\s/]+.*)?", message = "SERVICENOW_INSTANCE_URL must be an http(s) URL")
            String instanceUrl,
            @DefaultValue("") @Pattern(regexp = "[a-z0-9-]*", message = "SERVICENOW_SUBDOMAIN must match [a-z0-9-]+") String subdomain,
            @DefaultValue("") String clientId,
            @DefaultValue("") Secret clientSecret,
            @DefaultValue("") String username,
            @DefaultValue("") Secret password,
            @DefaultValue("60s") Duration tokenRefreshSkew,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration requestTimeout,
            @DefaultValue("incident") @NotBlank String incidentTable,
            @DefaultValue("incident.io") @NotBlank String correlationDisplay,
            @DefaultValue("task") @NotBlank String followUpTable,
            @DefaultValue("false") boolean allowInsecureHttp,
            @DefaultValue("oauth") @NotNull Auth auth) {

        /** How the bridge signs in: an OAuth application (recommended) or HTTP Basic with the same user. */
        public enum Auth { OAUTH, BASIC }

        @AssertTrue(message = "set SERVICENOW_INSTANCE_URL (e.g. https://acme.service-now.com) or SERVICENOW_SUBDOMAIN (e.g. acme)")
        public boolean isInstanceConfigured() {
            return !baseUrl().isEmpty();
        }

        @AssertTrue(message = "SERVICENOW_INSTANCE_URL is plain http:// to a host that is not loopback: the bridge's "
                + "credentials (the OAuth password grant, or the Basic password on every request) would cross the "
                + "network in clear text. Use https://, or set bridge.servicenow.allow-insecure-http: true on purpose")
        public boolean isTransportSecure() {
            return PlainHttpGuard.permits(baseUrl(), allowInsecureHttp);
        }

        /** The instance base URL: the explicit one, else {@code https://<subdomain>.service-now.com}. */
        public String baseUrl() {
            if (instanceUrl != null && !instanceUrl.isBlank()) {
                return instanceUrl.endsWith("/") ? instanceUrl.substring(0, instanceUrl.length() - 1) : instanceUrl;
            }
            if (subdomain == null || subdomain.isBlank()) {
                return "";
            }
            return "https://" + subdomain + ".service-now.com";
        }
    }

    public record IncidentIo(
            @DefaultValue("https://api.incident.io") @NotBlank String apiUrl,
            @DefaultValue("") Secret apiKey,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration requestTimeout,
            @DefaultValue("true") boolean pinServiceNowLink,
            @DefaultValue("service_now") @NotBlank String followUpIssueProvider) {
    }

    public record Webhooks(
            @DefaultValue("") Secret incidentIoSecret,
            @DefaultValue("") Secret serviceNowCallbackSecret,
            @DefaultValue("5m") Duration timestampTolerance,
            @DefaultValue("524288") @Min(1024) @Max(1000000) int maxBodyBytes) {
    }

    public record Admin(
            @DefaultValue("65536") @Min(1024) @Max(1000000) int maxBodyBytes) {
    }

    /**
     * An incident's events wait until none has arrived for {@code quietPeriod}, or the oldest has waited
     * {@code maxHold}. {@code settleTime} is the deprecated name of the quiet period: it applies when
     * {@code quietPeriod} is not set.
     */
    public record Inbox(
            Duration quietPeriod,
            @DefaultValue("2s") @NotNull Duration maxHold,
            @Deprecated Duration settleTime,
            @DefaultValue("30s") Duration claimLease,
            @DefaultValue("500") @Min(1) int maxEventsPerClaim) {
        public Inbox {
            if (quietPeriod == null) {
                quietPeriod = settleTime != null ? settleTime : Duration.ofMillis(300);
            }
        }

        @AssertTrue(message = "bridge.inbox.quiet-period and bridge.inbox.max-hold must not be negative")
        public boolean isHoldingValid() {
            return !quietPeriod.isNegative() && !maxHold.isNegative();
        }
    }

    public record Sync(
            @DefaultValue("32") @Min(1) @Max(256) int concurrency,
            @Valid @NotNull @DefaultValue Conditions conditions) {
    }

    /** Which incidents are synced, in the spirit of incident.io's own ticket conditions. */
    public record Conditions(
            @DefaultValue({"standard", "retrospective"}) List<String> modes,
            @DefaultValue("false") boolean includePrivate,
            @DefaultValue({}) List<String> severities,
            @DefaultValue({}) List<String> incidentTypes) {
    }

    public record Retry(
            @DefaultValue("2") @Min(0) @Max(10) int inMemoryAttempts,
            @DefaultValue("200ms") Duration initialDelay,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("5m") Duration maxDelay,
            @DefaultValue("24h") Duration giveUpAfter) {
    }

    /** Reference lookups (users by email, groups and CIs by name) that mapping templates call. */
    public record Lookups(
            @DefaultValue("10000") @Min(1) long cacheSize,
            @DefaultValue("1h") Duration cacheTtl,
            @DefaultValue("10m") Duration refreshAfter,
            @DefaultValue("") String missingUser,
            @DefaultValue("") String missingGroup,
            @DefaultValue("") String missingConfigurationItem) {
    }

    /** Scheduled import of CMDB items into the incident.io catalog, so responders pick services that map 1:1. */
    public record CmdbImport(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("0 0/30 * * * ?") @NotBlank String cron,
            @DefaultValue("cmdb_ci_service") @Pattern(regexp = "[a-z0-9_]+") String table,
            @DefaultValue("") String query,
            @DefaultValue("name") @Pattern(regexp = "[a-z0-9_.]+") String nameField,
            @DefaultValue({}) List<String> aliasFields,
            @DefaultValue("install_status") @NotBlank String retiredField,
            @DefaultValue("7") List<String> retiredValues,
            @DefaultValue("ServiceNow service") @NotBlank String catalogType,
            @DefaultValue("500") @Min(1) @Max(10000) int pageSize) {
    }

    /** Who may use the admin API, Hawtio and the metrics: an admin (everything) and a read-only viewer. */
    public record Access(
            @DefaultValue("") String adminUser,
            @DefaultValue("") Secret adminPassword,
            @DefaultValue("") String viewerUser,
            @DefaultValue("") Secret viewerPassword,
            @DefaultValue("5") @Min(1) int maxFailedLogins,
            @DefaultValue("20") @Min(1) int maxFailedLoginsPerAddress,
            @DefaultValue("15m") @NotNull Duration lockoutDuration) {
    }

    /** The scheduled walk that finds and repairs drift between incident.io and ServiceNow. */
    public record Reconciliation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 15 * * * ?") @NotBlank String cron,
            @DefaultValue("250") @Min(1) @Max(250) int pageSize,
            @DefaultValue("5m") Duration overlap,
            @DefaultValue("200") @Min(1) long yieldWhenBacklogAbove) {
    }

    /** What flows back from ServiceNow to incident.io. */
    public record BackSync(
            @DefaultValue("false") boolean notifyIncidentChannel,
            @DefaultValue("custom-field") @NotNull NotesTarget notesTarget,
            @DefaultValue("ServiceNow notes") @NotBlank String notesField,
            @DefaultValue("2000") @Min(100) int notesMaxCharacters,
            @DefaultValue("false") boolean polling,
            @DefaultValue("30000") @Min(1000) long pollIntervalMillis,
            @DefaultValue("2m") Duration pollOverlap,
            @DefaultValue("200") @Min(1) @Max(1000) int pollPageSize,
            @DefaultValue("signature") @NotNull CallbackAuth callbackAuth) {
    }

    /**
     * How ServiceNow's callbacks prove who sent them: a Standard Webhooks signature over message id, timestamp and body
     * (default), or only the bearer token of earlier business rules (replayable; chosen on purpose, warned at startup).
     */
    public enum CallbackAuth { SIGNATURE, BEARER }

    /** How long finished records are kept before the scheduled clean-up removes them (docs/security.md). */
    public record Retention(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 40 * * * ?") @NotBlank String cron,
            @DefaultValue("14d") @NotNull Duration doneEvents,
            @DefaultValue("90d") @NotNull Duration resolvedDeadLetters,
            @DefaultValue("1000") @Min(1) @Max(100000) int batchSize,
            @DefaultValue("100") @Min(1) int maxBatchesPerRun) {
    }

    /**
     * Where ServiceNow work notes and comments are shown in incident.io (its public API cannot post incident updates):
     * the notes custom field, a marked section at the end of the summary, or both.
     */
    public enum NotesTarget {
        CUSTOM_FIELD, SUMMARY, BOTH;

        public boolean customField() {
            return this != SUMMARY;
        }

        public boolean summary() {
            return this != CUSTOM_FIELD;
        }
    }

    /** Who keeps a field when incident.io and ServiceNow disagree about it. */
    public enum Owner { INCIDENT_IO, SERVICENOW, LAST_WRITER_WINS }

    /**
     * The owner of each field that travels both ways (see FieldSettlement): it wins when both sides changed the field
     * since the last sync, and reconciliation restores its value. Notes are append-only on both sides and have none.
     */
    public record Ownership(
            @DefaultValue("incident-io") @NotNull Owner name,
            @DefaultValue("incident-io") @NotNull Owner summary,
            @DefaultValue("incident-io") @NotNull Owner status,
            @DefaultValue("incident-io") @NotNull Owner severity,
            @DefaultValue("servicenow") @NotNull Owner assignment) {
    }

    /** Readiness turns down past these limits. */
    public record Health(
            @DefaultValue("10000") @Min(1) long maxBacklog,
            @DefaultValue("100") @Min(0) long maxOpenDeadLetters) {
    }

    public record Mapping(
            @DefaultValue("mappings") @NotBlank String directory,
            @DefaultValue("incident-to-servicenow.jslt") @NotBlank String incidentTemplate,
            @DefaultValue("follow-up-to-task.jslt") @NotBlank String followUpTemplate,
            @DefaultValue("incident-update-to-note.jslt") @NotBlank String noteTemplate,
            @DefaultValue("servicenow-to-incident.jslt") @NotBlank String servicenowIncidentTemplate,
            @DefaultValue("task-to-follow-up.jslt") @NotBlank String servicenowTaskTemplate,
            @DefaultValue("values.yaml") @NotBlank String valueTables) {
    }
}
