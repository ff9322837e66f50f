package io.incidentbridge.emulator.servicenow;

/**
 * The tables incidents point at (users, groups, CIs, services) and the journal table. Columns are the
 * key ones of the 2024 PDI records in reference §5.5 and the sys_journal_field sample in §5.4.
 */
final class ReferenceSchemas {

    private ReferenceSchemas() {
    }

    static TableSchema user() {
        return new TableSchema("sys_user", "User", null, null, "name", new FieldList()
                .strings("sys_id", "user_name", "name", "first_name", "last_name", "email", "title", "phone")
                .booleans("active", "locked_out", "password_needs_reset", "web_service_access_only",
                        "internal_integration_user")
                .reference("manager", "sys_user").reference("department", "cmn_department")
                .reference("company", "core_company").reference("location", "cmn_location")
                .strings("time_zone").tableName("sys_class_name").systemFields().build());
    }

    static TableSchema group() {
        return new TableSchema("sys_user_group", "Group", null, null, "name", new FieldList()
                .strings("sys_id", "name", "description", "email", "type", "roles", "cost_center", "source")
                .booleans("active", "exclude_manager", "include_members")
                .reference("manager", "sys_user").reference("default_assignee", "sys_user")
                .reference("parent", "sys_user_group").systemFields().build());
    }

    static TableSchema configurationItem() {
        return new TableSchema("cmdb_ci", "Configuration Item", null, null, "name", ciFields().build());
    }

    /** Business services extend cmdb_ci, so they are also listed through cmdb_ci (§5.5). */
    static TableSchema service() {
        return new TableSchema("cmdb_ci_service", "Business Service", "cmdb_ci", null, "name", ciFields()
                .strings("service_classification", "busines_criticality", "used_for", "version").build());
    }

    static TableSchema journalField() {
        return new TableSchema("sys_journal_field", "Journal Entry", null, null, "value", new FieldList()
                .strings("sys_id", "name", "element", "element_id", "value", "sys_created_by")
                .dateTimes("sys_created_on").strings("sys_tags").build());
    }

    private static FieldList ciFields() {
        return new FieldList()
                .strings("sys_id", "name", "short_description", "category", "subcategory", "serial_number",
                        "ip_address", "fqdn")
                .integerChoice("operational_status", Choices.OPERATIONAL_STATUS).strings("install_status")
                .reference("assigned_to", "sys_user").reference("support_group", "sys_user_group")
                .reference("owned_by", "sys_user").reference("managed_by", "sys_user")
                .reference("company", "core_company").reference("location", "cmn_location")
                .tableName("sys_class_name").systemFields();
    }
}
