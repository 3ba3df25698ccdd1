package dev.silentdeals.testing;

/** Clean-up for test classes that start a service and its fakes once. */
public final class Resources {

    private Resources() {
    }

    /** Closes what a test class started, in order, skipping what never started. */
    public static void closeAll(AutoCloseable... started) throws Exception {
        for (AutoCloseable each : started) {
            if (each != null) {
                each.close();
            }
        }
    }
}
