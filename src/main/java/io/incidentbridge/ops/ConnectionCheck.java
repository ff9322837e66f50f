package io.incidentbridge.ops;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.TransientFailure;
import io.incidentbridge.servicenow.EncodedQuery;
import io.incidentbridge.servicenow.ServiceNowOAuthProcessor;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Proves, without changing anything in ServiceNow, each permission the bridge needs, and names what is missing in
 * the words of the set-up steps. A read ACL hides rows rather than refusing (200 with fewer rows than
 * X-Total-Count), so that is how a missing read role shows. Writes are proven with an empty PATCH of a record the
 * bridge made; before there is one, they are reported as not yet verified.
 */
@Component
public class ConnectionCheck {
    public record Check(String name, String status, String message) {
        static Check ok(String name, String message) {
            return new Check(name, "ok", message);
        }

        static Check missing(String name, String message) {
            return new Check(name, "missing", message);
        }

        static Check unverified(String name, String message) {
            return new Check(name, "unverified", message);
        }
    }

    public record Report(boolean ok, String instance, List<Check> checks, String checkedAt) {
    }

    private final ServiceNowOAuthProcessor oauth;
    private final ServiceNowTableClient serviceNow;
    private final BridgeProperties.ServiceNow settings;
    private final Clock clock;

    public ConnectionCheck(ServiceNowOAuthProcessor oauth, ServiceNowTableClient serviceNow, BridgeProperties properties, Clock clock) {
        this.oauth = oauth;
        this.serviceNow = serviceNow;
        this.settings = properties.servicenow();
        this.clock = clock;
    }

    public Report run() {
        try {
            return checks();
        } catch (TransientFailure e) {
            if (!e.loginRefused()) {
                throw e;
            }
            return report(List.of(loginRefused(e)));
        }
    }

    private Report checks() {
        List<Check> checks = new ArrayList<>();
        Check login = settings.auth() == BridgeProperties.ServiceNow.Auth.BASIC ? basicLogin() : oauthLogin();
        checks.add(login);
        if (!login.status().equals("ok")) {
            return report(checks);
        }

        // Anyone may read the incidents they opened; only the role shows others' incidents.
        checks.add(read("incident-read", settings.incidentTable(), EncodedQuery.configured("").andNotEqual("sys_created_by", settings.username()),
                "the user cannot read incidents: add the role incident_manager (step 3, Roles)"));
        checks.add(write("incident-write", settings.incidentTable(),
                "the user cannot update incidents: add the role incident_manager (step 3, Roles)"));
        checks.add(read("cmdb-read", "cmdb_ci", EncodedQuery.configured(""),
                "the user cannot read the CMDB: add the role cmdb_read (step 3, Roles)"));
        checks.add(read("users-read", "sys_user", EncodedQuery.configured("").andNotEqual("user_name", settings.username()),
                "the user cannot read users and groups: add the role sn_cmdb_user (step 3, Roles)"));
        checks.add(read("groups-read", "sys_user_group", EncodedQuery.configured(""),
                "the user cannot read users and groups: add the role sn_cmdb_user (step 3, Roles)"));
        checks.add(read("task-read", settings.followUpTable(), EncodedQuery.configured(""),
                "the user cannot read the task table: add a task read ACL (step 4, Create ACLs)"));
        checks.add(write("task-write", settings.followUpTable(),
                "the user cannot update tasks: add a task write ACL (step 4, Create ACLs)"));
        checks.add(Check.unverified("task-create", "proven by the first follow-up the bridge writes; if that fails with 403, "
                + "add a task create ACL (step 4, Create ACLs)"));
        return report(checks);
    }

    private Check oauthLogin() {
        try {
            oauth.accessToken();
            return Check.ok("oauth-login", "logged in to " + settings.baseUrl() + " as " + settings.username());
        } catch (TransientFailure e) {
            if (!e.loginRefused()) {
                throw e;
            }
            return loginRefused(e);
        }
    }

    /** With Basic there is no login of its own: a read of the user's own record shows whether ServiceNow takes the password. */
    private Check basicLogin() {
        ServiceNowTableClient.Probe probe = serviceNow.probe("GET", "sys_user", "/api/now/table/sys_user?sysparm_query="
                + URLEncoder.encode(EncodedQuery.eq("user_name", settings.username()).toString(), StandardCharsets.UTF_8)
                + "&sysparm_fields=sys_id&sysparm_limit=1", null);
        if (probe.status() == 401) {
            return Check.missing("basic-login", "ServiceNow refused the Basic login of the web service user (SERVICENOW_USERNAME, "
                    + "SERVICENOW_PASSWORD): is the password right, is the user active and not locked out, and not required "
                    + "to reset its password?");
        }
        return probe.status() / 100 == 2 ? Check.ok("basic-login", "signed in to " + settings.baseUrl() + " as "
                + settings.username() + " with HTTP Basic")
                : new Check("basic-login", "error", "ServiceNow answered " + probe.status() + " to the Basic login: " + probe.reason());
    }

    private static Check loginRefused(TransientFailure e) {
        return Check.missing("oauth-login", "ServiceNow refused the login: check the OAuth application "
                + "(System OAuth > Application Registry: SERVICENOW_CLIENT_ID, SERVICENOW_CLIENT_SECRET) and the web service "
                + "user (SERVICENOW_USERNAME, SERVICENOW_PASSWORD): is the password right, is the user active and not locked "
                + "out, and not required to reset its password? (" + e.getMessage() + ")");
    }

    private Check read(String name, String table, EncodedQuery query, String whenMissing) {
        ServiceNowTableClient.Probe probe = serviceNow.probe("GET", table, "/api/now/table/" + table + "?sysparm_query="
                + URLEncoder.encode(query.toString(), StandardCharsets.UTF_8) + "&sysparm_fields=sys_id&sysparm_limit=1", null);
        if (probe.status() == 403 || probe.status() / 100 == 2 && probe.total() > 0 && probe.returned() == 0) {
            return Check.missing(name, whenMissing);
        }
        if (probe.status() / 100 != 2) {
            return new Check(name, "error", "ServiceNow answered " + probe.status() + " reading " + table + ": " + probe.reason());
        }
        return probe.total() == 0 ? Check.unverified(name, table + " is empty, so read access cannot be seen yet")
                : Check.ok(name, "can read " + table);
    }

    private Check write(String name, String table, String whenMissing) {
        Optional<ServiceNowRecord> own = serviceNow.findOne(table,
                EncodedQuery.eq("correlation_display", settings.correlationDisplay()).andEq("sys_class_name", table), "sys_id");
        if (own.isEmpty()) {
            return Check.unverified(name, "no " + table + " record written by the bridge yet; proven by the first write");
        }
        ServiceNowTableClient.Probe probe = serviceNow.probe("PATCH", table, "/api/now/table/" + table + "/" + own.get().sysId(), Map.of());
        if (probe.status() == 403) {
            return Check.missing(name, whenMissing);
        }
        return probe.status() / 100 == 2 ? Check.ok(name, "can update " + table)
                : new Check(name, "error", "ServiceNow answered " + probe.status() + " updating " + table + ": " + probe.reason());
    }

    private Report report(List<Check> checks) {
        boolean ok = checks.stream().noneMatch(c -> c.status().equals("missing") || c.status().equals("error"));
        return new Report(ok, settings.baseUrl(), checks, clock.instant().toString());
    }
}
