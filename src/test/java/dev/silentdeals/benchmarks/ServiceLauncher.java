package dev.silentdeals.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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

    /**
     * As the container image starts the service (see the Dockerfile): the jar extracted into {@code dir}
     * (plain jars in lib/), then a training run that stops once the context is refreshed and leaves a class data
     * sharing archive, which every start then maps. Made here with the same commands, from {@code jar}.
     */
    static ServiceLauncher containerImage(Path jar, Path dir, Path trainingLog, List<String> jvmOptions) throws Exception {
        String jvm = java();
        Path extracted = dir.toAbsolutePath().resolve("app");
        Process extract = new ProcessBuilder(jvm, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", extracted.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            throw new IllegalStateException("could not extract " + jar);
        }
        String app = extracted.resolve(jar.getFileName()).toString();
        String archive = extracted.resolve("silent-deals.jsa").toString();
        List<String> trainingCommand = new ArrayList<>(List.of(jvm));
        trainingCommand.addAll(jvmOptions);
        trainingCommand.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                app));
        ServiceLauncher training = new ServiceLauncher(trainingCommand, "training run");
        try (ServiceProcess run = ServiceProcess.start(training,
                Map.of("DATA_DIR", dir.toAbsolutePath().resolve("training-data").toString()), trainingLog)) {
            int exit = run.awaitExit(Duration.ofMinutes(3));
            if (exit != 0 || !Files.isRegularFile(Path.of(archive))) {
                throw new IllegalStateException("the training run ended with " + exit + " and no archive (see "
                        + trainingLog + ")");
            }
        }
        List<String> command = new ArrayList<>(List.of(jvm));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-jar", app));
        return new ServiceLauncher(command, "java " + String.join(" ", jvmOptions)
                + " -XX:SharedArchiveFile=silent-deals.jsa -jar silent-deals.jar, extracted (as the container image)");
    }

    /** The packaged jar this launch runs, if it runs one (the container image is made from it). */
    Optional<Path> jar() {
        int at = command.indexOf("-jar");
        return at < 0 ? Optional.empty() : Optional.of(Path.of(command.get(at + 1)));
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
