package io.incidentbridge.emulator.incidentio;

import io.incidentbridge.emulator.core.FreshEmulatorPerTest;

/** A fresh emulator and an API client for it in every test. */
abstract class EmulatorTestBase extends FreshEmulatorPerTest<IncidentIoEmulator> {
    protected final ApiClient api = new ApiClient(emulator);

    EmulatorTestBase() {
        super(IncidentIoEmulator::start);
    }
}
