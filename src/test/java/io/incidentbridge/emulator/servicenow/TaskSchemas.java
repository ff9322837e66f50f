package io.incidentbridge.emulator.servicenow;

import java.util.Map;

/**
 * task and incident. incident extends task, so every task column is an incident column too
 * (reference §5.1); the incident-only columns are those of the 92-field PDI record in §5.2 that task lacks.
 */
final class TaskSchemas {

    private TaskSchemas() {
    }

    static TableSchema task() {
        return new TableSchema("task", "Task", null, "TASK", "number", taskFields(Choices.TASK_STATE).build());
    }

    static TableSchema incident() {
        Map<String, Field> fields = taskFields(Choices.INCIDENT_STATE)
                .reference("caller_id", "sys_user")
                .choice("category", Choices.CATEGORY).choice("subcategory", Choices.SUBCATEGORY)
                .strings("close_code").integerChoice("incident_state", Choices.INCIDENT_STATE)
                .integerChoice("severity", Choices.HIGH_MEDIUM_LOW).integerChoice("notify", Choices.NOTIFY)
                .integerChoice("hold_reason", Choices.HOLD_REASON)
                .integers("child_incidents", "reopen_count", "business_stc", "calendar_stc")
                .reference("parent_incident", "incident").reference("problem_id", "problem")
                .reference("rfc", "change_request").reference("caused_by", "change_request")
                .reference("reopened_by", "sys_user").dateTimes("reopened_time", "resolved_at")
                .reference("resolved_by", "sys_user")
                .strings("business_impact", "cause", "origin_id", "origin_table")
                .build();
        return new TableSchema("incident", "Incident", "task", "INC", "number", fields);
    }

    private static FieldList taskFields(Map<String, String> states) {
        return new FieldList()
                .strings("sys_id", "number", "short_description", "description")
                .integerChoice("state", states)
                .integerChoice("impact", Choices.HIGH_MEDIUM_LOW).integerChoice("urgency", Choices.HIGH_MEDIUM_LOW)
                .integerChoice("priority", Choices.PRIORITY)
                .booleans("active")
                .reference("assigned_to", "sys_user").reference("assignment_group", "sys_user_group")
                .reference("business_service", "cmdb_ci_service").reference("cmdb_ci", "cmdb_ci")
                .reference("parent", "task")
                .reference("opened_by", "sys_user").dateTimes("opened_at")
                .reference("closed_by", "sys_user").dateTimes("closed_at").strings("close_notes")
                .journal("comments", "Additional comments").journal("work_notes", "Work notes")
                .journalList("comments_and_work_notes")
                .strings("correlation_id", "correlation_display")
                .choice("contact_type", Choices.CONTACT_TYPE)
                .reference("company", "core_company").reference("location", "cmn_location")
                .choice("approval", Choices.APPROVAL).strings("approval_history").dateTimes("approval_set")
                .integerChoice("escalation", Choices.ESCALATION)
                .choice("upon_approval", Choices.UPON_APPROVAL).choice("upon_reject", Choices.UPON_REJECT)
                .booleans("knowledge", "made_sla")
                .integers("order", "reassignment_count")
                .dateTimes("activity_due", "due_date", "expected_start", "follow_up", "sla_due", "work_start",
                        "work_end")
                .strings("watch_list", "work_notes_list", "additional_assignee_list", "group_list",
                        "business_duration", "calendar_duration", "time_worked", "delivery_plan", "delivery_task",
                        "route_reason", "task_effective_number", "user_input")
                .reference("contract", "ast_contract").reference("service_offering", "service_offering")
                .reference("universal_request", "task")
                .reference("sys_domain", "sys_user_group").strings("sys_domain_path")
                .tableName("sys_class_name")
                .systemFields();
    }
}
