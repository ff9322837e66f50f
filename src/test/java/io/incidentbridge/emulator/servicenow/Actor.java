package io.incidentbridge.emulator.servicenow;

/** Who performs a write: sys_created_by/sys_updated_by take the user_name, opened_by and friends the sys_id (§1.6). */
record Actor(String userName, String sysId) {

    static Actor of(UserAccount account) {
        return new Actor(account.userName(), account.sysId());
    }
}
