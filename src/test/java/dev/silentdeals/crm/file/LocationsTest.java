package dev.silentdeals.crm.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.http.CrmUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocationsTest {

    static final String DEALS_HEADER =
            "id,name,company,stage,amount,currency,owner_email,contact_name,contact_email,contact_phone,closed,updated_at\n";
    static final String TOUCHES_HEADER = "deal_id,at,direction,channel,auto_reply\n";
    static final String ONE_DEAL = DEALS_HEADER
            + "F-1,From a file,\"Files, Inc.\",Demo,10,EUR,ana.lopez@example.com,Zoë,z@files.example,,false,now-1d\n";
    static final String ONE_TOUCH = TOUCHES_HEADER + "F-1,now-2d,inbound,email,false\n";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aPlainPathIsAFileSystemPathNotAClasspathResource() throws IOException {
        Path deals = write("deals.csv", ONE_DEAL);
        Path touches = write("touches.csv", ONE_TOUCH);

        CrmChanges changes = read(deals.toString(), touches.toString());

        assertThat(changes.deals()).extracting(CrmDeal::company).containsExactly("Files, Inc.");
        assertThat(changes.touches()).hasSize(1);
    }

    @Test
    void aFileUrlWorksToo() throws IOException {
        Path deals = write("deals.csv", ONE_DEAL);
        Path touches = write("touches.csv", ONE_TOUCH);

        CrmChanges changes = read(deals.toUri().toString(), "file:" + touches.toAbsolutePath());

        assertThat(changes.deals()).extracting(CrmDeal::id).containsExactly("F-1");
        assertThat(changes.touches()).hasSize(1);
    }

    @Test
    void aClasspathLocationReadsABundledResource() {
        CrmChanges changes = read("classpath:crm/file/bom/deals.csv", "classpath:crm/file/bom/touches.csv");

        assertThat(changes.deals()).hasSize(1);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        CrmChanges changes = read("classpath:crm/file/bom/deals.csv", "classpath:crm/file/bom/touches.csv");

        CrmDeal deal = changes.deals().get(0);
        assertThat(deal.id()).isEqualTo("B-1");
        assertThat(deal.company()).isEqualTo("Øresund Bryggeri, ApS");
        assertThat(deal.contactName()).isEqualTo("Ørsted Ærø");
        assertThat(changes.touches()).extracting(touch -> touch.dealId()).containsExactly("B-1");
        assertThat(changes.skipped()).isZero();
    }

    @Test
    void aMissingFileIsAClearErrorNamingTheFile() throws IOException {
        Path touches = write("touches.csv", ONE_TOUCH);
        String missing = dir.resolve("no-such-deals.csv").toString();

        assertThatThrownBy(() -> read(missing, touches.toString()))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessage("file CRM: the deals file '" + missing + "' does not exist");
    }

    @Test
    void aMissingClasspathResourceIsAClearErrorToo() throws IOException {
        Path deals = write("deals.csv", ONE_DEAL);

        assertThatThrownBy(() -> read(deals.toString(), "classpath:nowhere/touches.csv"))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessage("file CRM: the touches file 'classpath:nowhere/touches.csv' does not exist");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsAClearError() throws IOException {
        Path deals = write("deals.csv", "id,name\nX-1,Only two columns\n");
        Path touches = write("touches.csv", ONE_TOUCH);

        assertThatThrownBy(() -> read(deals.toString(), touches.toString()))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessageStartingWith("file CRM: the deals file '" + deals + "' cannot be used: its header row lacks"
                        + " company, stage, amount");
    }

    @Test
    void anEmptyFileIsAClearError() throws IOException {
        Path deals = write("deals.csv", ONE_DEAL);
        Path touches = write("touches.csv", "");

        assertThatThrownBy(() -> read(deals.toString(), touches.toString()))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessageStartingWith("file CRM: the touches file '" + touches + "' cannot be used: it has no header");
    }

    @Test
    void aFileThatIsNotUtf8IsAClearError() throws IOException {
        Path deals = dir.resolve("latin1.csv");
        Files.write(deals, (DEALS_HEADER + "L-1,Caf\u00e9,Acme,Demo,1,EUR,a@x.example,Zo\u00eb,z@x.example,,false,now\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Path touches = write("touches.csv", TOUCHES_HEADER);

        assertThatThrownBy(() -> read(deals.toString(), touches.toString()))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessage("file CRM: the deals file '" + deals + "' is not UTF-8 text; save it as CSV UTF-8");
    }

    @Test
    void columnsMayComeInAnyOrderWithExtraColumnsAndAnyHeaderCase() throws IOException {
        Path deals = write("deals.csv", "Notes,UPDATED_AT,closed,contact_phone,contact_email,contact_name,"
                + "owner_email,currency,amount,stage,company,name,ID\n"
                + "ignored,now,true,+1 555 0100,c@x.example,Cy,maya.johnson@example.com,,,Closed Lost,Acme,Lost one,R-1\n");
        Path touches = write("touches.csv", TOUCHES_HEADER);

        CrmDeal deal = read(deals.toString(), touches.toString()).deals().get(0);

        assertThat(deal.id()).isEqualTo("R-1");
        assertThat(deal.closed()).isTrue();
        assertThat(deal.contactPhone()).isEqualTo("+1 555 0100");
        assertThat(deal.updatedAt()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    }

    @Test
    void aTrailingCommaOnEveryLineIsOneMoreUnnamedColumn() throws IOException {
        Path deals = write("deals.csv", DEALS_HEADER.replace("\n", ",\n")
                + "T-1,Trailing,Acme,Demo,1,EUR,a@x.example,Al,al@x.example,,false,now,\n");
        Path touches = write("touches.csv", TOUCHES_HEADER);

        CrmChanges changes = read(deals.toString(), touches.toString());

        assertThat(changes.deals()).extracting(CrmDeal::id).containsExactly("T-1");
        assertThat(changes.skipped()).isZero();
    }

    @Test
    void aRepeatedColumnNameKeepsTheFirstColumn() throws IOException {
        Path deals = write("deals.csv", DEALS_HEADER.replace("\n", ",name\n")
                + "T-1,First name,Acme,Demo,1,EUR,a@x.example,Al,al@x.example,,false,now,Second name\n");
        Path touches = write("touches.csv", TOUCHES_HEADER);

        assertThat(read(deals.toString(), touches.toString()).deals())
                .extracting(CrmDeal::name).containsExactly("First name");
    }

    private CrmChanges read(String deals, String touches) {
        return new FileCrmAdapter(deals, touches, clock).changesSince(CrmCursor.initial());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
