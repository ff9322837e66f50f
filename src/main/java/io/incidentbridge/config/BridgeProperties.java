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

/**
 * Every setting of the bridge, under one prefix; each one is documented in application.yaml. The {@code @param}
 * descriptions below become the configuration metadata (META-INF/spring-configuration-metadata.json) that IDEs show
 * when completing application.yaml; ConfigurationMetadataTest fails when one is missing.
 *
 * @param servicenow The ServiceNow instance, its OAuth login and the tables the bridge writes.
 * @param incidentio The incident.io API.
 * @param webhooks Secrets and limits of the two webhook endpoints.
 * @param inbox The durable inbox between the webhooks and the sync workers.
 * @param sync Parallelism and which incidents are synced.
 * @param retry Retries of transient failures and when to give up.
 * @param mapping The mapping templates and value tables.
 * @param lookups Cached ServiceNow reference lookups of the mapping templates.
 * @param cmdbImport Scheduled import of CMDB items into the incident.io catalog.
 * @param access Logins of the admin API, Hawtio and the metrics.
 * @param health Limits past which readiness turns down.
 * @param reconciliation The scheduled walk that repairs drift between incident.io and ServiceNow.
 * @param backSync What flows back from ServiceNow to incident.io.
 * @param ownership Who keeps each two-way field when both sides changed it.
 */
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

    /**
     * @param instanceUrl Full base URL of the instance, e.g. https://acme.service-now.com; when empty it is built from the subdomain.
     * @param subdomain The subdomain of https://(subdomain).service-now.com; letters, digits and hyphens only.
     * @param clientId Client id of the OAuth application (System OAuth > Application Registry) the bridge logs in with.
     * @param clientSecret Client secret of the OAuth application (from SERVICENOW_CLIENT_SECRET only).
     * @param username The integration user the bridge writes as (needs itil or incident_manager).
     * @param password Password of the integration user (from SERVICENOW_PASSWORD only).
     * @param tokenRefreshSkew Refresh the access token this long before it expires (at most half its lifetime).
     * @param connectTimeout Time to open a connection to ServiceNow.
     * @param requestTimeout Time to wait for one answer from ServiceNow.
     * @param incidentTable The table incidents are written to.
     * @param correlationDisplay The correlation_display value that marks the bridge's records.
     * @param followUpTable The table follow-ups are written to (children of the incident's record through parent).
     * @param allowInsecureHttp Start even though the instance URL is plain http:// to a host that is not loopback (credentials in clear text).
     * @param auth How the bridge signs in to ServiceNow: oauth (recommended) or basic (HTTP Basic with the same user).
     */
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

    /**
     * @param apiUrl Base URL of the incident.io API.
     * @param apiKey API key (Settings > API keys) that may view incidents and edit attachments (from INCIDENTIO_API_KEY only).
     * @param connectTimeout Time to open a connection to incident.io.
     * @param requestTimeout Time to wait for one answer from incident.io.
     * @param pinServiceNowLink Pin a link to the ServiceNow record on each incident (an attachment titled with the INC number).
     * @param followUpIssueProvider Provider named when a follow-up is connected to its ServiceNow task.
     */
    public record IncidentIo(
            @DefaultValue("https://api.incident.io") @NotBlank String apiUrl,
            @DefaultValue("") Secret apiKey,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration requestTimeout,
            @DefaultValue("true") boolean pinServiceNowLink,
            @DefaultValue("service_now") @NotBlank String followUpIssueProvider) {
    }

    /**
     * @param incidentIoSecret One or more whsec_... signing secrets of the incident.io webhook endpoint, comma-separated.
     * @param serviceNowCallbackSecret One or more whsec_... secrets, comma-separated, that ServiceNow's callbacks to POST /webhooks/servicenow are signed with (bearer tokens with callback-auth: bearer).
     * @param timestampTolerance Webhooks whose webhook-timestamp is further than this from our clock are refused.
     * @param maxBodyBytes Larger webhook bodies are refused with 413.
     */
    public record Webhooks(
            @DefaultValue("") Secret incidentIoSecret,
            @DefaultValue("") Secret serviceNowCallbackSecret,
            @DefaultValue("5m") Duration timestampTolerance,
            @DefaultValue("524288") @Min(1024) @Max(1000000) int maxBodyBytes) {
    }

    /** @param maxBodyBytes Request bodies of the admin API (/api/**) over this many bytes are refused with 413. */
    public record Admin(
            @DefaultValue("65536") @Min(1024) @Max(1000000) int maxBodyBytes) {
    }

    /**
     * An incident's events wait until none has arrived for {@code quietPeriod}, or the oldest has waited
     * {@code maxHold}. Its deprecated former name, {@code bridge.inbox.settle-time}, is carried over by
     * {@link DeprecatedSettings}.
     *
     * @param pollInterval How often the inbox is checked for ready events while idle (after a poll that found work, at once).
     * @param quietPeriod An incident's events wait until none has arrived for it for this long, so a burst becomes one write.
     * @param maxHold The oldest waiting event of an incident never waits longer than this, so a stream that never pauses is still written.
     * @param claimLease A replica's hold on an incident lasts this long unless renewed; a dead replica's incidents are taken over after it.
     * @param leaseRenewalInterval How often the claims in progress are renewed; keep it well under claim-lease.
     * @param maxEventsPerClaim At most this many events of one incident are handled in one go.
     */
    public record Inbox(
            @DefaultValue("25ms") @NotNull Duration pollInterval,
            @DefaultValue("300ms") @NotNull Duration quietPeriod,
            @DefaultValue("2s") @NotNull Duration maxHold,
            @DefaultValue("30s") Duration claimLease,
            @DefaultValue("10s") @NotNull Duration leaseRenewalInterval,
            @DefaultValue("500") @Min(1) int maxEventsPerClaim) {
        @AssertTrue(message = "bridge.inbox.quiet-period and bridge.inbox.max-hold must not be negative")
        public boolean isHoldingValid() {
            return !quietPeriod.isNegative() && !maxHold.isNegative();
        }
    }

    /**
     * @param concurrency Incidents synced in parallel (each incident's own events are always applied in order).
     * @param conditions Which incidents sync.
     */
    public record Sync(
            @DefaultValue("32") @Min(1) @Max(256) int concurrency,
            @Valid @NotNull @DefaultValue Conditions conditions) {
    }

    /**
     * Which incidents are synced, in the spirit of incident.io's own ticket conditions.
     *
     * @param modes Incident modes that sync; test and tutorial incidents are left out by default.
     * @param includePrivate Whether private incidents sync (the API key must be allowed to see them).
     * @param severities Only these severity names sync; empty means all.
     * @param incidentTypes Only these incident type names sync; empty means all.
     */
    public record Conditions(
            @DefaultValue({"standard", "retrospective"}) List<String> modes,
            @DefaultValue("false") boolean includePrivate,
            @DefaultValue({}) List<String> severities,
            @DefaultValue({}) List<String> incidentTypes) {
    }

    /**
     * @param inMemoryAttempts Quick in-memory redeliveries of a transient failure before the incident waits in the inbox.
     * @param initialDelay First retry delay; a 429 waits at least its Retry-After.
     * @param multiplier Each later delay is the previous one times this, with jitter.
     * @param maxDelay Retry delays grow up to this.
     * @param giveUpAfter After this long without success, the events go to the dead-letter store.
     */
    public record Retry(
            @DefaultValue("2") @Min(0) @Max(10) int inMemoryAttempts,
            @DefaultValue("200ms") Duration initialDelay,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("5m") Duration maxDelay,
            @DefaultValue("24h") Duration giveUpAfter) {
    }

    /**
     * Reference lookups (users by email, groups and CIs by name) that mapping templates call.
     *
     * @param cacheSize At most this many looked-up references are cached.
     * @param cacheTtl Each cached reference is kept this long.
     * @param refreshAfter A cached reference is refreshed in the background after this long.
     * @param missingUser The sys_id a user lookup that finds nothing gives; empty leaves the field unset.
     * @param missingGroup The sys_id a group lookup that finds nothing gives; empty leaves the field unset.
     * @param missingConfigurationItem The sys_id a CMDB item lookup that finds nothing gives; empty leaves the field unset.
     */
    public record Lookups(
            @DefaultValue("10000") @Min(1) long cacheSize,
            @DefaultValue("1h") Duration cacheTtl,
            @DefaultValue("10m") Duration refreshAfter,
            @DefaultValue("") String missingUser,
            @DefaultValue("") String missingGroup,
            @DefaultValue("") String missingConfigurationItem) {
    }

    /**
     * Scheduled import of CMDB items into the incident.io catalog, so responders pick services that map 1:1.
     *
     * @param enabled Import CMDB items into the incident.io catalog on a schedule.
     * @param cron Quartz cron expression (seconds first) of the import.
     * @param table The ServiceNow table to read.
     * @param query An optional encoded query that narrows the table, e.g. operational_status=1.
     * @param nameField The CI field that becomes the catalog entry's name.
     * @param aliasFields CI fields whose values become the catalog entry's aliases.
     * @param retiredField A CI whose field of this name holds one of retired-values is removed from the catalog.
     * @param retiredValues Values of retired-field that mean retired (7 = Retired).
     * @param catalogType The incident.io catalog type the items are imported as (created if missing).
     * @param pageSize Rows read from ServiceNow per page.
     */
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

    /**
     * Who may use the admin API, Hawtio and the metrics: an admin (everything) and a read-only viewer.
     *
     * @param adminUser Admin login name; without an admin password the admin API, Hawtio and metrics stay closed.
     * @param adminPassword Admin password (from BRIDGE_ADMIN_PASSWORD only).
     * @param viewerUser Optional read-only login name.
     * @param viewerPassword Read-only login's password (from BRIDGE_VIEWER_PASSWORD only).
     * @param maxFailedLogins Failed logins (form or HTTP Basic) for one user within lockout-duration before that user is refused with 429.
     * @param maxFailedLoginsPerAddress Failed logins from one client address within lockout-duration before that address is refused with 429.
     * @param lockoutDuration How long a login lock lasts, and the window in which failed logins are counted.
     */
    public record Access(
            @DefaultValue("") String adminUser,
            @DefaultValue("") Secret adminPassword,
            @DefaultValue("") String viewerUser,
            @DefaultValue("") Secret viewerPassword,
            @DefaultValue("5") @Min(1) int maxFailedLogins,
            @DefaultValue("20") @Min(1) int maxFailedLoginsPerAddress,
            @DefaultValue("15m") @NotNull Duration lockoutDuration) {
    }

    /**
     * The scheduled walk that finds and repairs drift between incident.io and ServiceNow.
     *
     * @param enabled Run the scheduled reconciliation.
     * @param cron Quartz cron expression (seconds first) of the reconciliation.
     * @param pageSize Incidents read from incident.io per page (at most 250).
     * @param overlap An incremental run looks at incidents updated since the last successful run started, minus this.
     * @param yieldWhenBacklogAbove While more events than this wait in the inbox, the run pauses between pages.
     */
    public record Reconciliation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 15 * * * ?") @NotBlank String cron,
            @DefaultValue("250") @Min(1) @Max(250) int pageSize,
            @DefaultValue("5m") Duration overlap,
            @DefaultValue("200") @Min(1) long yieldWhenBacklogAbove) {
    }

    /**
     * What flows back from ServiceNow to incident.io.
     *
     * @param notifyIncidentChannel Whether incident.io posts in the incident channel when the bridge changes an incident.
     * @param notesTarget Where ServiceNow work notes and comments show in incident.io: custom-field, summary or both.
     * @param notesField The incident.io text custom field for the notes.
     * @param notesMaxCharacters At most this many characters of notes, in the custom field and in the summary section each.
     * @param polling Poll ServiceNow for changes to the bridge's records (for instances without the callback business rule).
     * @param pollInterval How often ServiceNow is polled (replaces poll-interval-millis).
     * @param pollOverlap How far before the last watermark each poll starts again.
     * @param pollPageSize Records read per poll page.
     * @param callbackAuth How ServiceNow's callbacks prove who sent them: signature (Standard Webhooks HMAC, default) or bearer (replayable; warned at startup).
     */
    public record BackSync(
            @DefaultValue("false") boolean notifyIncidentChannel,
            @DefaultValue("custom-field") @NotNull NotesTarget notesTarget,
            @DefaultValue("ServiceNow notes") @NotBlank String notesField,
            @DefaultValue("2000") @Min(100) int notesMaxCharacters,
            @DefaultValue("false") boolean polling,
            @DefaultValue("30s") @NotNull Duration pollInterval,
            @DefaultValue("2m") Duration pollOverlap,
            @DefaultValue("200") @Min(1) @Max(1000) int pollPageSize,
            @DefaultValue("signature") @NotNull CallbackAuth callbackAuth) {
    }

    /**
     * How ServiceNow's callbacks prove who sent them: a Standard Webhooks signature over message id, timestamp and body
     * (default), or only the bearer token of earlier business rules (replayable; chosen on purpose, warned at startup).
     */
    public enum CallbackAuth { SIGNATURE, BEARER }

    /**
     * How long finished records are kept before the scheduled clean-up removes them (docs/security.md).
     *
     * @param enabled Run the scheduled clean-up (route remove-expired-records, one replica at a time).
     * @param cron Quartz cron expression (seconds first) of the clean-up.
     * @param doneEvents Done and skipped inbox events (with their payloads) are removed this long after they finished.
     * @param resolvedDeadLetters Replayed or discarded dead letters are removed this long after; open ones are never removed by age.
     * @param batchSize Rows removed per delete statement.
     * @param maxBatchesPerRun Delete statements per table and run at most.
     */
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
     *
     * @param name Owner of the name (short_description): incident-io, servicenow or last-writer-wins.
     * @param summary Owner of the summary (description).
     * @param status Owner of the status (state, hold_reason, close_code, close_notes).
     * @param severity Owner of the severity (impact, urgency).
     * @param assignment Owner of the assignment (assignment_group and assigned_to).
     */
    public record Ownership(
            @DefaultValue("incident-io") @NotNull Owner name,
            @DefaultValue("incident-io") @NotNull Owner summary,
            @DefaultValue("incident-io") @NotNull Owner status,
            @DefaultValue("incident-io") @NotNull Owner severity,
            @DefaultValue("servicenow") @NotNull Owner assignment) {
    }

    /**
     * Readiness turns down past these limits.
     *
     * @param maxBacklog Readiness turns down when more events than this wait in the inbox.
     * @param maxOpenDeadLetters Readiness turns down when more dead letters than this are open.
     */
    public record Health(
            @DefaultValue("10000") @Min(1) long maxBacklog,
            @DefaultValue("100") @Min(0) long maxOpenDeadLetters) {
    }

    /**
     * @param directory Folder of the mapping templates and value tables, relative to the working directory.
     * @param incidentTemplate JSLT template: incident.io incident to ServiceNow incident fields.
     * @param followUpTemplate JSLT template: incident.io follow-up to ServiceNow task fields.
     * @param noteTemplate JSLT template: incident.io incident update to one ServiceNow journal entry.
     * @param servicenowIncidentTemplate JSLT template: a ServiceNow incident change to the incident.io side.
     * @param servicenowTaskTemplate JSLT template: a ServiceNow task change to the status of its follow-up.
     * @param valueTables YAML value tables the templates read as $values.
     * @param watchInterval How often the mapping folder is checked for changed files (hot reload).
     */
    public record Mapping(
            @DefaultValue("mappings") @NotBlank String directory,
            @DefaultValue("incident-to-servicenow.jslt") @NotBlank String incidentTemplate,
            @DefaultValue("follow-up-to-task.jslt") @NotBlank String followUpTemplate,
            @DefaultValue("incident-update-to-note.jslt") @NotBlank String noteTemplate,
            @DefaultValue("servicenow-to-incident.jslt") @NotBlank String servicenowIncidentTemplate,
            @DefaultValue("task-to-follow-up.jslt") @NotBlank String servicenowTaskTemplate,
            @DefaultValue("values.yaml") @NotBlank String valueTables,
            @DefaultValue("2s") @NotNull Duration watchInterval) {
    }
}
