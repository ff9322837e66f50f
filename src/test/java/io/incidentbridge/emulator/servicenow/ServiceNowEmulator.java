package io.incidentbridge.emulator.servicenow;

import io.incidentbridge.emulator.core.Faults;
import io.incidentbridge.emulator.core.LoopbackServer;
import io.incidentbridge.emulator.core.QueryString;
import io.incidentbridge.emulator.core.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * A ServiceNow instance on loopback: OAuth ({@code /oauth_token.do}), the Table API and the Aggregate API's
 * count, behaving as reference/servicenow-api.md describes real instances. The Java methods give tests a
 * back door to seed and inspect data and to switch faults; HTTP clients see only ServiceNow's behaviour.
 */
public final class ServiceNowEmulator implements AutoCloseable {

    public static final String CLIENT_ID = "incident-bridge";
    public static final String CLIENT_SECRET = "sn-client-secret-0123";
    public static final String USERNAME = "bridge.integration";
    public static final String PASSWORD = "sn-password-0123";

    /** Enough threads that injected latency and hangs do not serialise concurrent requests. */
    private static final int THREADS = 32;

    private final EmulatorContext context;
    private final LoopbackServer server;

    private ServiceNowEmulator(EmulatorContext context, LoopbackServer server) {
        this.context = context;
        this.server = server;
    }

    public static ServiceNowEmulator start() {
        return start(0);
    }

    public static ServiceNowEmulator start(int port) {
        EmulatorContext context = new EmulatorContext();
        SeedData.install(context.users, context.writer, context.schemas, USERNAME, PASSWORD);
        LoopbackServer server = LoopbackServer.startFor("servicenow-emulator", port, THREADS,
                origin -> new HttpEntryPoint(context.router(CLIENT_ID, CLIENT_SECRET), context.faults, context.log,
                        context.clock, origin));
        return new ServiceNowEmulator(context, server);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
        context.callbacks.close();
    }

    public ServiceNowEmulator accessTokenLifetime(Duration d) {
        context.tokens.accessLifetime(d);
        return this;
    }

    public ServiceNowEmulator refreshTokenLifetime(Duration d) {
        context.tokens.refreshLifetime(d);
        return this;
    }

    /** KB0791140 mode: a password grant returns the user's still-valid tokens with extended expiry. */
    public ServiceNowEmulator reuseActiveTokens(boolean on) {
        context.tokens.reuseActiveTokens(on);
        return this;
    }

    public void revokeAccessTokens() {
        context.tokens.revokeAccessTokens();
    }

    public void revokeAllTokens() {
        context.tokens.revokeAll();
    }

    /** A user without task ACLs; a null password means the user cannot log in. */
    public String addUser(String userName, String password, String email, String name, Set<String> roles) {
        return context.users.add(new UserSpec(null, userName, password, email, name, roles, TaskAcl.NONE));
    }

    public String userSysId(String userName) {
        return context.users.get(userName).sysId();
    }

    public void setRoles(String userName, Set<String> roles) {
        context.users.update(userName, a -> a.withRoles(roles));
    }

    /** Lets a user log in (Basic auth or the password grant) with this password, so a test can act as that person. */
    public void setPassword(String userName, String password) {
        context.users.update(userName, a -> a.withPassword(password));
    }

    public void setTaskAcl(String userName, boolean create, boolean read, boolean write) {
        context.users.update(userName, a -> a.withTaskAcl(new TaskAcl(create, read, write)));
    }

    public void lockUser(String userName, boolean locked) {
        context.users.update(userName, a -> a.withLocked(locked));
        context.users.setFlag(userName, "locked_out", locked);
    }

    public void requirePasswordReset(String userName, boolean required) {
        context.users.update(userName, a -> a.withPasswordResetRequired(required));
        context.users.setFlag(userName, "password_needs_reset", required);
    }

    /** An hourly per-user rule on the Table API; 0 removes it (the default: no rule). */
    public void rateLimit(int requestsPerHour) {
        context.rateLimiter.requestsPerHour(requestsPerHour);
    }

    /**
     * A custom string field on {@code table}, as an admin adds one in the dictionary: named u_..., with its max_length
     * (up to 255 a varchar column that cuts longer values, above that mediumtext). Defining it again changes the length.
     */
    public void addCustomField(String table, String field, int maxLength) {
        if (!field.startsWith("u_")) {
            throw new IllegalArgumentException("custom fields are named u_..., not " + field);
        }
        context.schemas.get(table);
        context.schemas.addField(table, Field.of(field, FieldType.STRING));
        context.columns.define(table, field, maxLength);
    }

    /**
     * Gives {@code field} of {@code table} another max_length (up to 255 the column cuts longer values), for records of
     * that table, until {@link #resetColumnLengths()}.
     */
    public void setColumnLength(String table, String field, int maxLength) {
        context.schemas.get(table).field(field)
                .orElseThrow(() -> new IllegalArgumentException("No field " + field + " in " + table));
        context.columns.set(table, field, maxLength);
    }

    /** Every column back to its out-of-the-box length (custom fields keep theirs). */
    public void resetColumnLengths() {
        context.columns.reset();
    }

    /** Raw values as seen through {@code table} (rows of extending tables included), oldest first. */
    public List<Map<String, String>> records(String table) {
        TableSchema schema = context.schemas.get(table);
        return context.store.rows(table).stream().map(r -> schema.view(r.values())).toList();
    }

    public Optional<Map<String, String>> record(String table, String sysId) {
        TableSchema schema = context.schemas.get(table);
        return context.store.row(table, sysId).map(r -> schema.view(r.values()));
    }

    /** Runs an encoded query as the Table API would, without ACLs. */
    public List<Map<String, String>> find(String table, String encodedQuery) {
        TableSchema schema = context.schemas.get(table);
        return context.query.select(schema, EncodedQueryParser.parse(encodedQuery)).stream().map(schema::view).toList();
    }

    /**
     * Inserts as admin with business rules applied. Unlike a POST, fixtures may preset sys_ columns
     * (e.g. sys_created_on, sys_updated_on) to build time-based scenarios.
     */
    public String insert(String table, Map<String, String> fields) {
        return context.writer.insert(context.schemas.get(table), fields, SeedData.ADMIN, true).sysId();
    }

    /** Updates exactly as a PATCH by that user would (sys_ columns ignored, business rules applied). */
    public void update(String table, String sysId, Map<String, String> fields, String asUserName) {
        Actor actor = Actor.of(context.users.get(asUserName));
        context.writer.update(context.schemas.get(table), sysId, fields, actor)
                .orElseThrow(() -> new NoSuchElementException("No " + table + " record " + sysId));
    }

    public void delete(String table, String sysId) {
        if (!context.writer.delete(context.schemas.get(table), sysId)) {
            throw new NoSuchElementException("No " + table + " record " + sysId);
        }
    }

    /** sys_journal_field rows of a record, oldest first. */
    public List<Map<String, String>> journal(String sysId) {
        return context.journal.entries(sysId);
    }

    public Faults faults() {
        return context.faults;
    }

    /**
     * The callback business rule (servicenow/incident-bridge-callback.business-rule.js): not installed until a test
     * installs it, with the log of the callbacks it sent.
     */
    public CallbackRule callbackRule() {
        return context.callbacks;
    }

    public List<RecordedRequest> requests() {
        return context.log.all();
    }

    public void clearRequests() {
        context.log.clear();
    }

    public long count(String method, String pathPrefix) {
        return context.log.count(method, pathPrefix);
    }

    public long tokenRequests(String grantType) {
        return context.log.count(r -> r.path().equals("/oauth_token.do")
                && grantType.equals(QueryString.parse(r.body()).value("grant_type")));
    }
}
