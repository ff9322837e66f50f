package io.incidentbridge.emulator.servicenow;

import java.util.Map;

/**
 * Base-system choice lists: stored value to display label. Values and labels are from reference §5.2
 * (incident field table and ansible servicenow.itsm value maps) and §5.3 (labels seen with display_value=true).
 */
final class Choices {

    static final Map<String, String> INCIDENT_STATE = Map.of(
            "1", "New", "2", "In Progress", "3", "On Hold", "6", "Resolved", "7", "Closed", "8", "Canceled");

    /** task.state: closed states 3, 4 and 7 make a task inactive. */
    static final Map<String, String> TASK_STATE = Map.of(
            "-5", "Pending", "1", "Open", "2", "Work in Progress", "3", "Closed Complete",
            "4", "Closed Incomplete", "7", "Closed Skipped");

    static final Map<String, String> HIGH_MEDIUM_LOW = Map.of("1", "1 - High", "2", "2 - Medium", "3", "3 - Low");

    static final Map<String, String> PRIORITY = Map.of(
            "1", "1 - Critical", "2", "2 - High", "3", "3 - Moderate", "4", "4 - Low", "5", "5 - Planning");

    static final Map<String, String> HOLD_REASON = Map.of(
            "1", "Awaiting Caller", "3", "Awaiting Problem", "4", "Awaiting Vendor", "5", "Awaiting Change");

    static final Map<String, String> CATEGORY = Map.of(
            "inquiry", "Inquiry / Help", "software", "Software", "hardware", "Hardware",
            "network", "Network", "database", "Database");

    static final Map<String, String> SUBCATEGORY = Map.of(
            "email", "Email", "os", "Operating System", "dns", "DNS", "vpn", "VPN", "wireless", "Wireless",
            "sql server", "MS SQL Server", "oracle", "Oracle", "internal application", "Internal Application");

    static final Map<String, String> CONTACT_TYPE = Map.of(
            "phone", "Phone", "email", "Email", "self-service", "Self-service", "walk-in", "Walk-in");

    static final Map<String, String> NOTIFY = Map.of("1", "Do Not Notify", "2", "Send Email");

    static final Map<String, String> ESCALATION = Map.of("0", "Normal", "1", "Moderate", "2", "High", "3", "Overdue");

    static final Map<String, String> APPROVAL = Map.of(
            "not requested", "Not Yet Requested", "requested", "Requested", "approved", "Approved",
            "rejected", "Rejected");

    static final Map<String, String> UPON_APPROVAL = Map.of(
            "proceed", "Proceed to Next Task", "do_nothing", "Wait for a User to Close this task");

    static final Map<String, String> UPON_REJECT = Map.of(
            "cancel", "Cancel all future Tasks", "goto", "Go to a previous Task");

    static final Map<String, String> OPERATIONAL_STATUS = Map.of(
            "1", "Operational", "2", "Non-Operational", "3", "Repair in Progress", "6", "Retired");

    private Choices() {
    }
}
