package dev.silentdeals.crm.salesforce;

/** An access token and the instance it is valid for. {@link #toString()} hides the token. */
record SalesforceSession(String accessToken, String instanceUrl) {

    @Override
    public String toString() {
        return "SalesforceSession[instanceUrl=" + instanceUrl + "]";
    }
}
