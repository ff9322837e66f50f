package io.incidentbridge.emulator.servicenow;

/**
 * The three record ACLs on task an admin creates for a non-itil integration user
 * (incident.io setup guide, "Create ACLs": read, create and write on task).
 */
record TaskAcl(boolean create, boolean read, boolean write) {

    static final TaskAcl NONE = new TaskAcl(false, false, false);
    static final TaskAcl ALL = new TaskAcl(true, true, true);
}
