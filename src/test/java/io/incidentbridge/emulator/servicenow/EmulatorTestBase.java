package io.incidentbridge.emulator.servicenow;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh emulator and a client for it in every test. */
abstract class EmulatorTestBase {
    protected ServiceNowEmulator emulator;
    protected EmulatorClient client;

    @BeforeEach
    void startEmulator() {
        emulator = ServiceNowEmulator.start();
        client = new EmulatorClient(emulator);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }
}
