package dev.silentdeals.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: they only mean something next to this. */
record Machine(int cores, long memoryBytes, String cpu, String java, String os, String redis) {

    static Machine current(String redisVersion) {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotalBytes(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                redisVersion);
    }

    String describe() {
        return cores + " cores (" + cpu + "), " + String.format("%.1f", memoryBytes / 1024.0 / 1024 / 1024)
                + " GiB memory, " + java + ", " + os + ", Redis " + redis;
    }

    private static long memTotalBytes() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String cpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
