package dev.silentdeals.crm.pipedrive;

import java.net.URI;
import java.time.Clock;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.crm.http.CrmHttpClient;
import dev.silentdeals.crm.http.Sleeper;

/** The CRM port on Pipedrive: reading deals and touches, and writing truths back as notes. */
final class PipedriveCrmAdapter implements CrmAdapter {

    static final String NAME = "pipedrive";

    private final PipedriveSync sync;
    private final PipedriveWriteBack writeBack;

    PipedriveCrmAdapter(PipedriveProperties properties, String apiToken, URI apiUrl, CrmHttpClient http,
                        Sleeper sleeper, Clock clock) {
        PipedriveApi api = new PipedriveApi(http, apiUrl, apiToken, new RateLimitPacer(sleeper));
        this.sync = new PipedriveSync(api, new PipedriveDirectory(api, clock), properties, clock);
        this.writeBack = new PipedriveWriteBack(api, properties.lostReasons());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CrmChanges changesSince(CrmCursor cursor) {
        return sync.changesSince(cursor);
    }

    @Override
    public WriteBackResult writeBack(TruthWriteBack truth) {
        return writeBack.write(truth);
    }
}
