package dev.silentdeals.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the service starts as a process of its own: {@code java -jar target/silent-deals.jar} once the jar is
 * built (the benchmark profile runs after packaging), or the same main class on this JVM's class path
 * (the quick run inside the default build, before the jar exists).
 */
record ServiceLauncher(List<String> command, String description) {

    static ServiceLauncher jar(Path jar) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = jar.toAbsolutePath();
        String shown = absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
        return new ServiceLauncher(List.of(java(), "-jar", absolute.toString()), "java -jar " + shown);
    }

    static ServiceLauncher classpath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ServiceLauncher(List.of(java(), "-cp", classpath, "dev.silentdeals.SilentDealsApplication"),
                "java -cp <test class path> dev.silentdeals.SilentDealsApplication");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The same launch with JVM options before the jar or main class. */
    ServiceLauncher withJvmOptions(List<String> jvmOptions) {
        List<String> full = new ArrayList<>();
        full.add(command.get(0));
        full.addAll(jvmOptions);
        full.addAll(command.subList(1, command.size()));
        return new ServiceLauncher(full, description);
    }
}
