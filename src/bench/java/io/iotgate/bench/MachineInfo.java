package io.iotgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a result was measured on, for docs/performance.md: cores, CPU model, memory, JDK, load. */
final class MachineInfo {

    private MachineInfo() {
    }

    static String describe() {
        return "cores: " + Runtime.getRuntime().availableProcessors()
                + ", CPU: " + firstValue("/proc/cpuinfo", "model name")
                + ", RAM: " + firstValue("/proc/meminfo", "MemTotal")
                + ", JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", load average at start: " + read("/proc/loadavg").trim();
    }

    private static String firstValue(String file, String key) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
