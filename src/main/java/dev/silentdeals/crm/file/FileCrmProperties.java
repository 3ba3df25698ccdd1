package dev.silentdeals.crm.file;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the file CRM's CSV files are: Spring resource locations ({@code classpath:...}, {@code file:...}) or
 * plain file paths. Env: {@code CRM_DEALS_FILE}, {@code CRM_TOUCHES_FILE}; both default to the bundled sample.
 */
@ConfigurationProperties(prefix = "silent-deals.crm.file")
record FileCrmProperties(String deals, String touches) {

    static final String SAMPLE_DEALS = "classpath:sample/deals.csv";
    static final String SAMPLE_TOUCHES = "classpath:sample/touches.csv";

    FileCrmProperties {
        deals = deals == null || deals.isBlank() ? SAMPLE_DEALS : deals.strip();
        touches = touches == null || touches.isBlank() ? SAMPLE_TOUCHES : touches.strip();
    }
}
