package io.incidentbridge.emulator.servicenow;

import io.incidentbridge.emulator.core.Faults;
import io.incidentbridge.emulator.core.RequestLog;
import java.time.Clock;

/** Wires the emulator's parts together once; the facade and the HTTP side share them. */
final class EmulatorContext {

    final Clock clock = Clock.systemUTC();
    final Schemas schemas = new Schemas();
    final RecordStore store = new RecordStore(schemas);
    final JournalRecorder journal = new JournalRecorder(store, schemas);
    final CallbackRule callbacks = new CallbackRule(journal, schemas, clock);
    final ColumnLengths columns = new ColumnLengths();
    final RecordWriter writer = new RecordWriter(store, new BusinessRules(callbacks), journal, columns, clock);
    final UserDirectory users = new UserDirectory(store, writer, schemas, SeedData.ADMIN);
    final FieldAccess fields = new FieldAccess(schemas, store);
    final DisplayValues display = new DisplayValues(schemas, store, new JournalHistory(store));
    final RecordQuery query = new RecordQuery(store, fields, display);
    final AccessPolicy access = new AccessPolicy();
    final TokenStore tokens = new TokenStore(clock);
    final RateLimitRule rateLimiter = new RateLimitRule();
    final Faults faults = new Faults();
    final RequestLog log = new RequestLog();

    RequestRouter router(String clientId, String clientSecret) {
        RecordRenderer renderer = new RecordRenderer(fields, display);
        TableApiEndpoint tables = new TableApiEndpoint(schemas,
                new TableReads(store, query, renderer, access, users),
                new TableWrites(store, writer, renderer, access, users));
        return new RequestRouter(faults, new OAuthTokenEndpoint(clientId, clientSecret, tokens, users),
                new Authenticator(tokens, users), rateLimiter, tables, new StatsEndpoint(schemas, query, access),
                clock);
    }
}
