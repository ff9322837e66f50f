package io.incidentbridge.emulator.servicenow;

/**
 * Role names the emulated ACLs check. The incident.io setup guide gives the integration user
 * x_incident_io.api_user, cmdb_read, sn_cmdb_user and incident_manager, plus task ACLs.
 */
final class Roles {

    static final String ADMIN = "admin";
    static final String ITIL = "itil";
    static final String INCIDENT_MANAGER = "incident_manager";
    static final String CMDB_READ = "cmdb_read";
    static final String SN_CMDB_USER = "sn_cmdb_user";
    static final String INCIDENT_IO_API_USER = "x_incident_io.api_user";

    private Roles() {
    }
}
