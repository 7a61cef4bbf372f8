package org.threatanalysis.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.threatanalysis.cli.ConsolidationCli;

/**
 * Runs one command of the job in this (fresh) process, then prints the peak heap in use (sampled
 * every 20 ms), the peak resident set size, the process's CPU time and the part of it the JIT
 * compiler threads used, for the benchmark to read. With {@code -Dbenchmark.cpu-samples=FILE}, the
 * CPU time as it went ({@link CpuTimeline}) is written to that file.
 */
public final class MeasuredJob {

    private MeasuredJob() {
    }

    public static void main(String[] args) throws IOException {
        // The heap in use, sampled: the sum of the pools' own peaks overstates it (they peak at
        // different moments), and the job's limit (-Xmx) is what matters.
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        String cpuSamples = System.getProperty("benchmark.cpu-samples");
        CpuTimeline cpu = cpuSamples == null ? null : CpuTimeline.start();
        int code = ConsolidationCli.execute(args);
        sampler.interrupt();
        if (cpu != null) {
            cpu.stopAndWrite(Path.of(cpuSamples));
        }
        System.out.println("BENCHMARK peak-heap-mb " + peakUsed.get() / (1024 * 1024));
        System.out.println("BENCHMARK peak-rss-mb " + peakRssMegabytes());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            System.out.printf(java.util.Locale.ROOT, "BENCHMARK cpu-s %.1f%n", os.getProcessCpuTime() / 1e9);
        }
        System.out.printf(java.util.Locale.ROOT, "BENCHMARK jit-cpu-s %.1f%n", CpuTimeline.threadsCpuSeconds("CompilerThre"));
        System.exit(code);
    }

    static long peakRssMegabytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
