package io.incidentbridge.emulator.incidentio;

import org.junit.jupiter.api.AfterEach;

/** A fresh emulator and an API client for it in every test. */
abstract class EmulatorTestBase {
    protected final IncidentIoEmulator emulator = IncidentIoEmulator.start();
    protected final ApiClient api = new ApiClient(emulator);

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }
}
