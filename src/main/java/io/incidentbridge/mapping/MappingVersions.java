package io.incidentbridge.mapping;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The versions of the mapping files in the database, and which are in force. The files under mappings/ are where the
 * history starts (version 1, source "file"); a file changed on disk becomes a new version with source "file"; the
 * /mappings page and the admin API add versions of their own. Every replica puts the newest version of each file in
 * force within one watch interval of its save ({@link #refresh()}). Nothing is stored that does not pass the same
 * checks as a load.
 */
@Component
public class MappingVersions {
    private static final Logger LOG = LoggerFactory.getLogger(MappingVersions.class);
    private static final String FILE_USER = "mappings/";

    private final MappingTemplates templates;
    private final MappingVersionRepository repository;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile Map<String, Integer> inForce = Map.of();
    private volatile Map<String, Integer> refused = Map.of();

    public MappingVersions(MappingTemplates templates, MappingVersionRepository repository, MeterRegistry meters, Clock clock) {
        this.templates = templates;
        this.repository = repository;
        this.meters = meters;
        this.clock = clock;
        startHistory();
        putNewestInForce();
        takeInChangedFiles();
    }

    /** A save refused because it does not hold: each error with its file, line and column when known. */
    public static class Invalid extends IllegalArgumentException {
        private final transient List<MappingFailure> errors;

        public Invalid(List<MappingFailure> errors) {
            super(errors.get(0).getMessage(), null);
            this.errors = errors;
        }

        public List<MappingFailure> errors() {
            return errors;
        }
    }

    /** A save from a version that is no longer the one in force: carries the version in force now. */
    public static class Stale extends IllegalStateException {
        private final transient MappingVersion current;

        public Stale(String message, MappingVersion current) {
            super(message);
            this.current = current;
        }

        public MappingVersion current() {
            return current;
        }
    }

    /** The version in force of each file, by name, in the order of {@link MappingTemplates#names()}. */
    public List<MappingVersion> current() {
        List<MappingVersion> current = new ArrayList<>();
        for (String name : templates.names()) {
            repository.current(name).ifPresent(current::add);
        }
        return current;
    }

    /** The version numbers this replica has in force. */
    public Map<String, Integer> versionsInForce() {
        return inForce;
    }

    /** Drafts checked as a save would check them: the errors, none when they hold. Nothing changes. */
    public List<MappingFailure> check(Map<String, String> drafts) {
        try {
            templates.withDrafts(drafts);
            return List.of();
        } catch (MappingFailure e) {
            return List.of(located(e, drafts.size() == 1 ? drafts.keySet().iterator().next() : null));
        }
    }

    /**
     * Saves content as the next version of the file and puts it in force here (other replicas follow on their next
     * watch tick). Refused with {@link Invalid} when it does not hold and with {@link Stale} when {@code baseVersion}
     * is given and is not the version in force; in both cases nothing changes.
     */
    public MappingVersion save(String name, String content, Integer baseVersion, String comment, String user, String source) {
        MappingVersion current = repository.current(name)
                .orElseThrow(() -> new MappingFailure("there is no mapping file " + name));
        if (baseVersion != null && baseVersion != current.version()) {
            throw new Stale(name + " is at version " + current.version() + " (by " + current.updatedBy() + ", " + current.source()
                    + "), not at version " + baseVersion + " the change started from", current);
        }
        List<MappingFailure> errors = check(Map.of(name, content));
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        MappingVersion saved = new MappingVersion(name, current.version() + 1, content, source, blankToNull(comment),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), user);
        if (!repository.add(saved)) {
            MappingVersion now = repository.current(name).orElse(current);
            throw new Stale(name + " was saved meanwhile as version " + now.version() + " by " + now.updatedBy(), now);
        }
        saved(saved, current.content());
        putNewestInForce();
        return saved;
    }

    /** Saves an earlier version's content as a new version (the history keeps everything in between). */
    public MappingVersion restore(String name, int version, String user, String source) {
        MappingVersion earlier = repository.version(name, version)
                .orElseThrow(() -> new MappingFailure("there is no version " + version + " of " + name));
        return save(name, earlier.content(), null, "Restored version " + version, user, source);
    }

    /**
     * One watch tick: files changed on disk become new versions, and when the newest versions in the database are not
     * the ones in force here (a save on another replica), they are put in force. A version that does not hold is
     * logged once and the previous ones stay in force.
     */
    public synchronized boolean refresh() {
        if (templates.filesChanged()) {
            takeInChangedFiles();
        }
        Map<String, Integer> newest = repository.newestVersions();
        if (newest.equals(inForce) || newest.equals(refused)) {
            return false;
        }
        return putNewestInForce();
    }

    /** Takes in the files on disk now (the admin API's reload), then puts the newest versions in force. */
    public synchronized void reloadFiles() {
        takeInChangedFiles();
        putNewestInForce();
    }

    private void startHistory() {
        Map<String, String> files = templates.contents();
        for (String name : templates.names()) {
            if (repository.current(name).isEmpty()) {
                MappingVersion first = new MappingVersion(name, 1, files.get(name), MappingVersion.FILE,
                        "Taken in from " + name, now(), FILE_USER);
                if (repository.add(first)) {
                    saved(first, "");
                }
            }
        }
    }

    private synchronized boolean putNewestInForce() {
        Map<String, String> contents = new LinkedHashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        for (String name : templates.names()) {
            MappingVersion current = repository.current(name).orElseThrow(() -> new MappingFailure("no version of " + name));
            contents.put(name, current.content());
            versions.put(name, current.version());
        }
        if (versions.equals(inForce)) {
            return false;
        }
        try {
            templates.putInForce(contents);
            Map<String, Integer> before = inForce;
            inForce = Map.copyOf(versions);
            if (!before.isEmpty()) {
                LOG.info("Mapping versions in force: {}", new java.util.TreeMap<>(versions));
            }
            return true;
        } catch (MappingFailure e) {
            refused = Map.copyOf(versions);
            LOG.error("Mapping versions {} refused, the previous stay in force: {}", new java.util.TreeMap<>(versions), e.getMessage());
            return false;
        }
    }

    private void takeInChangedFiles() {
        Map<String, String> files;
        try {
            files = templates.filesOnDisk();
        } catch (MappingFailure unreadable) {
            LOG.error("Mapping files not taken in: {}", unreadable.getMessage());
            return;
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            String name = file.getKey();
            String lastTaken = repository.lastFromFile(name).map(MappingVersion::content).orElse(null);
            if (Objects.equals(lastTaken, file.getValue())) {
                continue;
            }
            MappingVersion current = repository.current(name).orElse(null);
            if (current != null && current.content().equals(file.getValue())) {
                continue;
            }
            try {
                save(name, file.getValue(), null, "Changed on disk", FILE_USER, MappingVersion.FILE);
            } catch (Invalid | MappingFailure e) {
                LOG.error("Mapping change refused, the previous version stays in force: {}", e.getMessage());
            } catch (Stale e) {
                LOG.info("Mapping file {} was taken in by another replica", name);
            }
        }
    }

    private void saved(MappingVersion version, String before) {
        meters.counter("bridge.mapping.saves", "name", version.name(), "source", version.source()).increment();
        LOG.info("Mapping saved: user={} file={} version={} source={} changed_lines={}", version.updatedBy(), version.name(),
                version.version(), version.source(), LineDiff.changedLines(before, version.content()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private MappingFailure located(MappingFailure failure, String draft) {
        if (failure.file() != null) {
            return failure;
        }
        for (String name : templates.names()) {
            if (failure.getMessage() != null && failure.getMessage().contains(Path.of(name).toString())) {
                return new MappingFailure(failure.getMessage(), failure.getCause(), name, null, null);
            }
        }
        return new MappingFailure(failure.getMessage(), failure.getCause(), draft, null, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
