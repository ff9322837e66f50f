/*
 * Incident Bridge: ServiceNow -> bridge callback.
 * One business rule on table `task`: When = async, Insert = false, Update = true, Advanced = true.
 * Rules on `task` also run for the tables that extend it, so this one rule covers incidents and follow-up tasks
 * (a second copy on `incident` would send every incident change twice). Requires the system properties below (System Properties > Create):
 *   x_incident_bridge.callback_url     https://<bridge-host>/webhooks/servicenow
 *   x_incident_bridge.callback_secret  whsec_<base64 key>, one of the bridge's SERVICENOW_CALLBACK_SECRET values
 *                                      (type: password2)
 *   x_incident_bridge.rest_message     optional: the Outbound REST Message to send through ("Incident Bridge")
 * Only records the bridge made (correlation_display = incident.io) are sent; the bridge ignores the rest anyway.
 * Each callback is signed the Standard Webhooks way (docs/servicenow-callbacks.md): a new message id, the time in Unix
 * seconds, and "v1," + base64 HMAC-SHA256 of "<id>.<timestamp>.<body>" keyed with the secret's base64 key. The secret
 * itself never leaves the instance, and a copy of a callback is refused by the bridge after five minutes or once used.
 */
(function executeRule(current, previous /* null when async */) {
    var table = current.getValue('sys_class_name');
    if (current.getValue('correlation_display') != 'incident.io' || (table != 'incident' && table != 'task')) {
        return;
    }
    var secret = gs.getProperty('x_incident_bridge.callback_secret');
    var url = gs.getProperty('x_incident_bridge.callback_url');
    if (!secret || !url) {
        gs.warn('Incident Bridge callback: set x_incident_bridge.callback_url and x_incident_bridge.callback_secret');
        return;
    }

    var fields = ['state', 'incident_state', 'impact', 'urgency', 'priority', 'hold_reason', 'close_code', 'close_notes',
        'assignment_group', 'assigned_to', 'short_description', 'correlation_id', 'correlation_display', 'parent'];
    var values = {};
    for (var i = 0; i < fields.length; i++) {
        if (current.isValidField(fields[i])) {
            values[fields[i]] = current.getValue(fields[i]) || '';
        }
    }

    // The newest journal entries (work notes and comments) written since the last update.
    var journal = [];
    var entries = new GlideRecord('sys_journal_field');
    entries.addQuery('element_id', current.getUniqueValue());
    entries.addQuery('element', 'IN', 'work_notes,comments');
    entries.addQuery('sys_created_on', '>=', current.getValue('sys_updated_on'));
    entries.orderBy('sys_created_on');
    entries.query();
    while (entries.next()) {
        journal.push({
            element: entries.getValue('element'),
            value: entries.getValue('value'),
            sys_created_on: entries.getValue('sys_created_on'),
            sys_created_by: entries.getValue('sys_created_by')
        });
    }

    var body = JSON.stringify({
        table: table,
        sys_id: current.getUniqueValue(),
        number: current.getValue('number'),
        sys_updated_on: current.getValue('sys_updated_on'),
        sys_updated_by: current.getValue('sys_updated_by'),
        sys_mod_count: current.getValue('sys_mod_count'),
        values: values,
        journal: journal
    });

    // Through the Outbound REST Message "Incident Bridge" (method "post") when x_incident_bridge.rest_message names it
    // (see servicenow/incident-bridge-callback.rest-message.md: endpoint, headers, MID server, logging live there),
    // otherwise a request built here from the two properties.
    var request;
    var messageName = gs.getProperty('x_incident_bridge.rest_message');
    if (messageName) {
        request = new sn_ws.RESTMessageV2(messageName, 'post');
        request.setStringParameterNoEscape('callback_url', url);
    } else {
        request = new sn_ws.RESTMessageV2();
        request.setEndpoint(url);
        request.setHttpMethod('post');
        request.setRequestHeader('Content-Type', 'application/json');
    }
    // GlideCertificateEncryption.generateMac takes the key base64-encoded and answers the MAC in base64: the part of
    // whsec_<base64> after the prefix is that key as it is. (In a scoped application: new CertificateEncryption().)
    var key = secret.indexOf('whsec_') == 0 ? secret.substring('whsec_'.length) : secret;
    var messageId = 'msg_' + gs.generateGUID();
    var timestamp = '' + Math.floor(new GlideDateTime().getNumericValue() / 1000);
    var mac = new GlideCertificateEncryption().generateMac(key, 'HmacSHA256', messageId + '.' + timestamp + '.' + body);
    request.setRequestHeader('X-Incident-Bridge-Id', messageId);
    request.setRequestHeader('X-Incident-Bridge-Timestamp', timestamp);
    request.setRequestHeader('X-Incident-Bridge-Signature', 'v1,' + mac);
    request.setRequestBody(body);
    var response = request.executeAsync();
    response.waitForResponse(15);
    if (response.getStatusCode() >= 300) {
        gs.warn('Incident Bridge callback for ' + current.getValue('number') + ' answered ' + response.getStatusCode()
            + ': ' + response.getBody());
    }
})(current, previous);
