package io.incidentbridge.cmdb;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.servicenow.EncodedQuery;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports CMDB items into an incident.io catalog type, one page at a time (memory stays flat), incrementally
 * by sys_updated_on (the watermark advances after each page), idempotently (a CI whose name is unchanged is
 * not written again) and removing entries of retired CIs.
 */
@Component
public class CmdbImport {
    private static final Logger LOG = LoggerFactory.getLogger(CmdbImport.class);

    private final BridgeProperties.CmdbImport settings;
    private final ServiceNowTableClient serviceNow;
    private final IncidentIoClient incidentIo;
    private final CatalogEntryLinks links;
    private final CmdbImportState state;
    private final RateLimitPatience patience;
    private final Clock clock;

    public CmdbImport(BridgeProperties properties, ServiceNowTableClient serviceNow, IncidentIoClient incidentIo,
                      CatalogEntryLinks links, CmdbImportState state, RateLimitPatience patience, Clock clock) {
        this.settings = properties.cmdbImport();
        this.serviceNow = serviceNow;
        this.incidentIo = incidentIo;
        this.links = links;
        this.state = state;
        this.patience = patience;
        this.clock = clock;
    }

    public CmdbImportSummary run() {
        long started = clock.millis();
        String table = settings.table();
        String typeId = patience.call(() -> incidentIo.catalogType(settings.catalogType()));
        Optional<String> watermark = state.watermark(table);
        EncodedQuery query = EncodedQuery.configured(settings.query());
        if (watermark.isPresent()) {
            query = query.andGreaterOrEqual("sys_updated_on", watermark.get());
        }
        query = query.orderBy("sys_updated_on").orderBy("sys_id");
        List<String> fields = new java.util.ArrayList<>(List.of("sys_id", settings.nameField(), "sys_updated_on", settings.retiredField()));
        fields.addAll(settings.aliasFields());
        Counts counts = new Counts();
        String newest = watermark.orElse("");
        for (int offset = 0; ; offset += settings.pageSize()) {
            EncodedQuery pageQuery = query;
            int pageOffset = offset;
            List<ServiceNowRecord> page = patience.call(() -> serviceNow.page(table, pageQuery, fields, settings.pageSize(), pageOffset));
            for (ServiceNowRecord ci : page) {
                apply(table, typeId, ci, counts);
                String updated = ci.fields().getOrDefault("sys_updated_on", "");
                newest = updated.compareTo(newest) > 0 ? updated : newest;
            }
            CmdbImportSummary soFar = counts.summary(clock.millis() - started);
            state.advance(table, newest, soFar.toString());
            if (page.size() < settings.pageSize()) {
                LOG.info("CMDB import of {}: {}", table, soFar);
                return soFar;
            }
        }
    }

    private void apply(String table, String typeId, ServiceNowRecord ci, Counts counts) {
        counts.read++;
        String sysId = ci.sysId();
        String name = ci.fields().getOrDefault(settings.nameField(), "");
        List<String> aliases = settings.aliasFields().stream().map(f -> ci.fields().getOrDefault(f, ""))
                .filter(a -> !a.isBlank()).distinct().toList();
        Optional<CatalogEntryLinks.Link> link = links.find(table, sysId);
        if (settings.retiredValues().contains(ci.fields().getOrDefault(settings.retiredField(), ""))) {
            if (link.isPresent()) {
                remove(link.get().entryId());
                links.remove(table, sysId);
                counts.removed++;
            } else {
                counts.unchanged++;
            }
            return;
        }
        String fingerprint = fingerprint(name + "\u0000" + String.join("\u0000", aliases));
        if (link.isPresent() && link.get().fingerprint().equals(fingerprint)) {
            counts.unchanged++;
            return;
        }
        String entryId;
        if (link.isPresent()) {
            entryId = link.get().entryId();
            patience.run(() -> incidentIo.updateCatalogEntry(entryId, typeId, name, sysId, aliases));
            counts.updated++;
        } else {
            entryId = createOrAdopt(typeId, name, sysId, aliases);
            counts.created++;
        }
        links.save(table, sysId, new CatalogEntryLinks.Link(entryId, fingerprint));
    }

    /**
     * Creates the entry; if incident.io refuses because one with this external id exists (a crash after a
     * create, before it was recorded), adopts that one. One request per new CI in the usual case.
     */
    private String createOrAdopt(String typeId, String name, String sysId, List<String> aliases) {
        try {
            return patience.call(() -> incidentIo.createCatalogEntry(typeId, name, sysId, aliases));
        } catch (PermanentFailure refused) {
            String existing = patience.call(() -> incidentIo.findCatalogEntry(typeId, sysId)).orElseThrow(() -> refused);
            patience.run(() -> incidentIo.updateCatalogEntry(existing, typeId, name, sysId, aliases));
            return existing;
        }
    }

    private void remove(String entryId) {
        try {
            patience.run(() -> incidentIo.deleteCatalogEntry(entryId));
        } catch (PermanentFailure gone) {
            if (!gone.notFound()) {
                throw gone;
            }
            LOG.debug("Catalog entry {} was already gone", entryId);
        }
    }

    private static String fingerprint(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static final class Counts {
        int read;
        int created;
        int updated;
        int removed;
        int unchanged;

        CmdbImportSummary summary(long millis) {
            return new CmdbImportSummary(read, created, updated, removed, unchanged, millis);
        }
    }
}
