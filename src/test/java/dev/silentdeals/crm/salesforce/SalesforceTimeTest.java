package dev.silentdeals.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SalesforceTimeTest {

    @Test
    void readsSalesforceDateTimesAndIsoOnes() {
        Instant expected = Instant.parse("2025-06-02T09:15:30Z");

        assertThat(SalesforceTime.parseDateTime("2025-06-02T09:15:30.000+0000")).isEqualTo(expected);
        assertThat(SalesforceTime.parseDateTime("2025-06-02T11:15:30.000+0200")).isEqualTo(expected);
        assertThat(SalesforceTime.parseDateTime("2025-06-02T09:15:30Z")).isEqualTo(expected);
        assertThat(SalesforceTime.parseDateTime("2025-06-02T09:15:30+00:00")).isEqualTo(expected);
    }

    @Test
    void dateOnlyValuesSitAtNoonUtc() {
        assertThat(SalesforceTime.parseDateAtNoon("2025-05-27")).isEqualTo(Instant.parse("2025-05-27T12:00:00Z"));
    }

    @Test
    void soqlLiteralsAreEscaped() {
        assertThat(Soql.dateTime(Instant.parse("2025-06-02T08:55:00.750Z"))).isEqualTo("2025-06-02T08:55:00Z");
        assertThat(Soql.quote("O'Brien \\ co")).isEqualTo("'O\\'Brien \\\\ co'");
        assertThat(Soql.containing("[truth a_b%]")).isEqualTo("'%[truth a\\_b\\%]%'");
    }
}
