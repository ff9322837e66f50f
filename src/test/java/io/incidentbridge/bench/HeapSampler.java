package io.incidentbridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Heap in use after a GC before and after a measured run, and the peak sampled every 50 ms during it. */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long before;
    private final AtomicLong peak;
    private final Thread sampler;

    HeapSampler() {
        System.gc();
        before = memory.getHeapMemoryUsage().getUsed();
        peak = new AtomicLong(before);
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
    }

    /** "before X MB, peak Y MB, after GC Z MB, max M MB"; stops the sampling. */
    String report() {
        close();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        return "before " + (before >> 20) + " MB, peak " + (peak.get() >> 20) + " MB, after GC " + (after >> 20)
                + " MB, max " + (memory.getHeapMemoryUsage().getMax() >> 20) + " MB";
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
