package dev.silentdeals.crm.hubspot;

import dev.silentdeals.crm.http.CrmUnavailableException;

/**
 * HubSpot answered a request with a 4xx other than 429: retrying the same request will not help. During a
 * sync this still means "the CRM is unavailable to us" (bad token, missing scope), so it is a
 * {@link CrmUnavailableException}; a write-back reports it as REFUSED with HubSpot's own message.
 */
class HubSpotRefusedException extends CrmUnavailableException {

    HubSpotRefusedException(String what, int status, String hubSpotMessage) {
        super("HubSpot refused " + what + " (HTTP " + status + "): " + hubSpotMessage);
    }
}
