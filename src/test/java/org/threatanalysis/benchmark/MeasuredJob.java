package org.threatanalysis.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.threatanalysis.cli.ConsolidationCli;

/**
 * Runs one command of the job in this (fresh) process, then prints the peak heap and the peak
 * resident set size, for the benchmark to read.
 */
public final class MeasuredJob {

    private MeasuredJob() {
    }

    public static void main(String[] args) throws IOException {
        int code = ConsolidationCli.execute(args);
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("BENCHMARK peak-heap-mb " + peakHeap / (1024 * 1024));
        System.out.println("BENCHMARK peak-rss-mb " + peakRssMegabytes());
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
