package io.incidentbridge.emulator.servicenow;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a fresh emulator holds. Where a PDI demo record exists its sys_id is reused (reference §5.1), so
 * recorded fixtures line up; the other sys_ids are fixed made-up values. No incidents are seeded: numbering
 * starts at INC0010001 as on a new PDI.
 */
public final class SeedData {

    public static final String ADMIN_SYS_ID = "6816f79cc0a8016401c5a33be04be441";
    public static final String INTEGRATION_USER_SYS_ID = "a3f1c2d4e5b64789a0b1c2d3e4f5a6b7";
    public static final String ABEL_TUTER_SYS_ID = "62826bf03710200044e0bfc8bcbe5df1";
    public static final String BETH_ANGLIN_SYS_ID = "46d44a23a9fe19810012d100cca80666";
    public static final String JOE_EMPLOYEE_SYS_ID = "681ccaf9c0a8016400b98a06818d57c7";
    public static final String NETWORK_GROUP_SYS_ID = "287ebd7da9fe198100f92cc8d1d2154e";
    public static final String SERVICE_DESK_GROUP_SYS_ID = "d625dccec0a8016700a222a0f7900d06";
    public static final String DATABASE_GROUP_SYS_ID = "287ee6fea9fe198100ada7950d0b1b73";
    public static final String EMAIL_SERVICE_SYS_ID = "27d32778c0a8000b00db970eeaa60f16";
    public static final String PAYMENTS_API_SERVICE_SYS_ID = "5f3a1c7e9b2d4e6f8a0b1c2d3e4f5a6b";
    public static final String CUSTOMER_PORTAL_SERVICE_SYS_ID = "7c9e2a4b6d8f0a1b3c5d7e9f1a2b3c4d";
    public static final String SAN_CI_SYS_ID = "109562a3c611227500a7b7ff98cc0dc7";

    /** PDIs run in US/Pacific; display values of users without a time zone follow it (§5.3). */
    public static final ZoneId SYSTEM_TIME_ZONE = ZoneId.of("America/Los_Angeles");

    /** The roles the incident.io setup guide gives its integration user (plus task ACLs, see install). */
    public static final Set<String> INTEGRATION_ROLES = Set.of(Roles.INCIDENT_IO_API_USER, Roles.CMDB_READ,
            Roles.SN_CMDB_USER, Roles.INCIDENT_MANAGER);

    static final Actor ADMIN = new Actor("admin", ADMIN_SYS_ID);

    private SeedData() {
    }

    static void install(UserDirectory users, RecordWriter writer, Schemas schemas, String userName,
                        String password) {
        users.add(new UserSpec(ADMIN_SYS_ID, "admin", null, "admin@example.com", "System Administrator",
                Set.of(Roles.ADMIN), TaskAcl.NONE));
        users.add(new UserSpec(INTEGRATION_USER_SYS_ID, userName, password, "bridge.integration@example.com",
                "Incident Bridge Integration", INTEGRATION_ROLES, TaskAcl.ALL));
        users.add(new UserSpec(ABEL_TUTER_SYS_ID, "abel.tuter", null, "abel.tuter@example.com", "Abel Tuter",
                Set.of(), TaskAcl.NONE));
        users.add(new UserSpec(BETH_ANGLIN_SYS_ID, "beth.anglin", null, "beth.anglin@example.com", "Beth Anglin",
                Set.of(Roles.ITIL), TaskAcl.NONE));
        users.add(new UserSpec(JOE_EMPLOYEE_SYS_ID, "joe.employee", null, "joe.employee@example.com",
                "Joe Employee", Set.of(), TaskAcl.NONE));
        insert(writer, schemas.get("sys_user_group"), NETWORK_GROUP_SYS_ID, "Network",
                Map.of("description", "Network support", "manager", BETH_ANGLIN_SYS_ID));
        insert(writer, schemas.get("sys_user_group"), SERVICE_DESK_GROUP_SYS_ID, "Service Desk",
                Map.of("description", "First line support"));
        insert(writer, schemas.get("sys_user_group"), DATABASE_GROUP_SYS_ID, "Database",
                Map.of("description", "Database administrators"));
        insert(writer, schemas.get("cmdb_ci_service"), EMAIL_SERVICE_SYS_ID, "Email",
                Map.of("support_group", SERVICE_DESK_GROUP_SYS_ID));
        insert(writer, schemas.get("cmdb_ci_service"), PAYMENTS_API_SERVICE_SYS_ID, "Payments API",
                Map.of("support_group", DATABASE_GROUP_SYS_ID));
        insert(writer, schemas.get("cmdb_ci_service"), CUSTOMER_PORTAL_SERVICE_SYS_ID, "Customer Portal",
                Map.of());
        insert(writer, schemas.get("cmdb_ci"), SAN_CI_SYS_ID, "Storage Area Network 001",
                Map.of("support_group", NETWORK_GROUP_SYS_ID));
    }

    private static void insert(RecordWriter writer, TableSchema table, String sysId, String name,
                               Map<String, String> more) {
        Map<String, String> fields = new LinkedHashMap<>(more);
        fields.put("sys_id", sysId);
        fields.put("name", name);
        writer.insert(table, fields, ADMIN, true);
    }
}
