package dev.silentdeals.crm.file;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.CrmTouch.Channel;
import dev.silentdeals.crm.CrmTouch.Direction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDataTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");
    private static final Instant ANCHOR = Instant.parse("2026-11-22T00:00:00Z");

    private final CrmChanges sample = new FileCrmAdapter(FileCrmProperties.SAMPLE_DEALS,
            FileCrmProperties.SAMPLE_TOUCHES, Clock.fixed(NOW, ZoneOffset.UTC)).changesSince(CrmCursor.initial());

    private final Map<String, CrmDeal> deals = sample.deals().stream()
            .collect(Collectors.toMap(CrmDeal::id, Function.identity()));

    @Test
    void theBundledSampleIsCleanAndCompleteInOnePage() {
        assertThat(sample.deals()).hasSizeGreaterThanOrEqualTo(28);
        assertThat(sample.skipped()).isZero();
        assertThat(sample.hasMore()).isFalse();
        assertThat(sample.complete()).isTrue();
        assertThat(sample.touches()).allSatisfy(touch -> assertThat(deals).containsKey(touch.dealId()));
    }

    @Test
    void unicodeNamesAndQuotedCompaniesSurviveIntact() {
        assertThat(deals.get("D-1001").contactName()).isEqualTo("Zoë Ångström");
        assertThat(deals.get("D-1002").contactName()).isEqualTo("José Núñez");
        assertThat(deals.get("D-1002").company()).isEqualTo("Núñez & Hijos, S.L.");
        assertThat(deals.get("D-1002").name()).isEqualTo("Warehouse scanners, phase 2");
        assertThat(deals.get("D-1003").contactName()).isEqualTo("Björk Guðmundsdóttir");
        assertThat(deals.get("D-1004").contactName()).isEqualTo("Łukasz Żółć");
        assertThat(deals.get("D-1005").contactName()).isEqualTo("佐藤 花子");
        assertThat(deals.get("D-1005").company()).isEqualTo("株式会社ミライ商事");
        assertThat(deals.get("D-1007").company()).isEqualTo("Lotus \"Blue\" Systems Pte. Ltd.");
    }

    @Test
    void theSampleSpansRepsStagesCurrenciesAndPhones() {
        assertThat(sample.deals()).extracting(CrmDeal::ownerEmail).containsOnly("ana.lopez@example.com",
                "kenji.sato@example.com", "maya.johnson@example.com", "former.rep@example.com");
        assertThat(sample.deals()).extracting(CrmDeal::stage)
                .contains("Discovery", "Demo", "Proposal", "Negotiation", "Closed Won", "Closed Lost");
        assertThat(sample.deals()).extracting(CrmDeal::currency).contains("EUR", "USD", "JPY");
        assertThat(deals.get("D-1005").amount()).isEqualByComparingTo(new BigDecimal("8400000"));
        assertThat(deals.get("D-1010").amount()).isNull();
        assertThat(deals.get("D-1010").contactPhone()).isNull();
        assertThat(sample.deals().stream().filter(deal -> deal.contactPhone() != null).count())
                .isGreaterThan(sample.deals().size() * 3L / 4);
        assertThat(sample.deals()).filteredOn(CrmDeal::closed).extracting(CrmDeal::id)
                .containsExactlyInAnyOrder("D-1022", "D-1023", "D-1024", "D-1031");
    }

    @Test
    void relativeTimesResolveAgainstTheStartOfTheClocksUtcDay() {
        // D-1001,now-15d10h,inbound,email: the last real reply, 15 days 10 hours before the anchor
        assertThat(sample.touches()).contains(new CrmTouch("D-1001", Instant.parse("2026-11-06T14:00:00Z"),
                Direction.INBOUND, Channel.EMAIL, false));
        assertThat(deals.get("D-1001").updatedAt()).isEqualTo(ANCHOR.minusSeconds(3 * 86_400));
        // absolute ISO-8601 times are read as written
        assertThat(deals.get("D-1022").updatedAt()).isEqualTo(Instant.parse("2026-11-02T15:20:00Z"));
        assertThat(sample.touches()).contains(new CrmTouch("D-1009", Instant.parse("2026-06-02T16:30:00Z"),
                Direction.OUTBOUND, Channel.EMAIL, false));
    }

    @Test
    void onlyTheTwoBookedMeetingsLieAhead() {
        List<CrmTouch> ahead = sample.touches().stream().filter(touch -> touch.at().isAfter(NOW)).toList();
        assertThat(ahead).extracting(CrmTouch::channel).containsOnly(Channel.MEETING);
        assertThat(ahead).extracting(CrmTouch::dealId).containsExactlyInAnyOrder("D-1019", "D-1020");
    }

    @Test
    void autoRepliesMarkTheDealsThatOnlyHeardFromAMachine() {
        assertThat(sample.touches()).filteredOn(CrmTouch::autoReply).extracting(CrmTouch::dealId)
                .containsOnly("D-1006", "D-1012", "D-1030");
    }
}
