package io.incidentbridge.sandbox;

import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;

/** Points a bridge started in this JVM at both emulators, through the same environment names a real install uses. */
public final class EmulatorEnvironment {
    private EmulatorEnvironment() {
    }

    public static void pointBridgeAt(ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo, String webhookSecret) {
        pointBridgeAt(serviceNow, incidentIo, webhookSecret, io.incidentbridge.emulator.incidentio.WebhookSender.newSecret());
    }

    public static void pointBridgeAt(ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo, String webhookSecret,
                                     String callbackSecret) {
        System.setProperty("SERVICENOW_INSTANCE_URL", serviceNow.baseUrl());
        System.setProperty("SERVICENOW_CLIENT_ID", ServiceNowEmulator.CLIENT_ID);
        System.setProperty("SERVICENOW_CLIENT_SECRET", ServiceNowEmulator.CLIENT_SECRET);
        System.setProperty("SERVICENOW_USERNAME", ServiceNowEmulator.USERNAME);
        System.setProperty("SERVICENOW_PASSWORD", ServiceNowEmulator.PASSWORD);
        System.setProperty("INCIDENTIO_API_URL", incidentIo.baseUrl());
        System.setProperty("INCIDENTIO_API_KEY", IncidentIoEmulator.API_KEY);
        System.setProperty("INCIDENTIO_WEBHOOK_SECRET", webhookSecret);
        System.setProperty("SERVICENOW_CALLBACK_SECRET", callbackSecret);
    }
}
