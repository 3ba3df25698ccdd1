package dev.silentdeals.crm.file;

import java.time.Clock;

import org.springframework.core.io.DefaultResourceLoader;

/** Lets tests in other packages build a file adapter with small pages. */
public final class FileCrmAdapterAccess {

    private FileCrmAdapterAccess() {
    }

    public static FileCrmAdapter withPagesOf(long pageBytes, String deals, String touches, Clock clock) {
        return new FileCrmAdapter(deals, touches, new DefaultResourceLoader(), clock, pageBytes);
    }
}
