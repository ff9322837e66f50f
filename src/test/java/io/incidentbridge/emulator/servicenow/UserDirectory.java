package io.incidentbridge.emulator.servicenow;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Users: their sys_user rows live in the record store, their credentials and roles here. */
final class UserDirectory {

    private final Map<String, UserAccount> accounts = new ConcurrentHashMap<>();
    private final RecordStore store;
    private final RecordWriter writer;
    private final Schemas schemas;
    private final Actor admin;

    UserDirectory(RecordStore store, RecordWriter writer, Schemas schemas, Actor admin) {
        this.store = store;
        this.writer = writer;
        this.schemas = schemas;
        this.admin = admin;
    }

    String add(UserSpec spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (spec.sysId() != null) {
            fields.put("sys_id", spec.sysId());
        }
        int space = spec.name().indexOf(' ');
        fields.put("user_name", spec.userName());
        fields.put("name", spec.name());
        fields.put("first_name", space < 0 ? spec.name() : spec.name().substring(0, space));
        fields.put("last_name", space < 0 ? "" : spec.name().substring(space + 1));
        fields.put("email", spec.email());
        String sysId = writer.insert(schemas.get("sys_user"), fields, admin, true).sysId();
        accounts.put(spec.userName(), new UserAccount(spec.userName(), sysId, spec.password(), spec.roles(),
                spec.taskAcl(), false, false));
        return sysId;
    }

    Optional<UserAccount> find(String userName) {
        return Optional.ofNullable(accounts.get(userName));
    }

    UserAccount get(String userName) {
        return find(userName).orElseThrow(() -> new NoSuchElementException("No user " + userName));
    }

    void update(String userName, UnaryOperator<UserAccount> change) {
        if (accounts.computeIfPresent(userName, (name, account) -> change.apply(account)) == null) {
            throw new NoSuchElementException("No user " + userName);
        }
    }

    /** Mirrors a login flag into the readable sys_user column, as an admin editing the user would. */
    void setFlag(String userName, String column, boolean value) {
        writer.update(schemas.get("sys_user"), get(userName).sysId(), Map.of(column, String.valueOf(value)), admin);
    }

    /** Display values follow the user's time zone, else the instance's (§5.3: PDIs default to US/Pacific). */
    ZoneId zone(UserAccount account) {
        return store.row("sys_user", account.sysId())
                .map(r -> r.values().get("time_zone"))
                .filter(tz -> !tz.isEmpty())
                .map(ZoneId::of)
                .orElse(SeedData.SYSTEM_TIME_ZONE);
    }
}
