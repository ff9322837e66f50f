package io.incidentbridge.emulator.core;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;

/**
 * The base of emulator tests: a fresh emulator for every test (JUnit makes a new test instance per test), closed
 * after it. Fields of a subclass may use {@link #emulator} in their initialisers.
 */
public abstract class FreshEmulatorPerTest<E extends AutoCloseable> {
    protected final E emulator;

    protected FreshEmulatorPerTest(Supplier<E> start) {
        this.emulator = start.get();
    }

    @AfterEach
    void closeEmulator() throws Exception {
        emulator.close();
    }
}
