package io.incidentbridge.emulator.servicenow;

import io.incidentbridge.emulator.core.FreshEmulatorPerTest;

/** A fresh emulator and a client for it in every test. */
abstract class EmulatorTestBase extends FreshEmulatorPerTest<ServiceNowEmulator> {
    protected final EmulatorClient client = new EmulatorClient(emulator);

    EmulatorTestBase() {
        super(ServiceNowEmulator::start);
    }
}
