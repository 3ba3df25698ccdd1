package dev.silentdeals.crm.http;

import java.util.List;
import java.util.Map;

/** A CRM's answer after retries: status, body, and headers (lower-case names are not guaranteed). */
public record CrmHttpResponse(int status, String body, Map<String, List<String>> headers) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
