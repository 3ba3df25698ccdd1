package dev.silentdeals.crm.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.DefaultResourceLoader;

import static dev.silentdeals.crm.file.LocationsTest.DEALS_HEADER;
import static dev.silentdeals.crm.file.LocationsTest.TOUCHES_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file adapter hands a large CRM over in pages of a bounded size. Whatever the page size, a pass gives
 * exactly the records, bad rows and log lines one page of everything would give: nothing lost, nothing twice.
 */
class PagingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final String MALFORMED_DEALS = "classpath:crm/file/malformed/deals.csv";
    private static final String MALFORMED_TOUCHES = "classpath:crm/file/malformed/touches.csv";
    private static final long ONE_PAGE = Long.MAX_VALUE / 4;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "pages of {0} bytes")
    @ValueSource(longs = {1, 17, 100, 700, 10_000})
    void badRowsQuotedLineBreaksAndUnicodeReadInPagesGiveWhatOnePageGives(long pageBytes) {
        Pass whole = readPass(adapter(MALFORMED_DEALS, MALFORMED_TOUCHES, ONE_PAGE), CrmCursor.initial());

        Pass paged = readPass(adapter(MALFORMED_DEALS, MALFORMED_TOUCHES, pageBytes), CrmCursor.initial());

        assertThat(whole.pages).hasSize(1);
        assertThat(paged.deals()).isEqualTo(whole.deals());
        assertThat(paged.touches()).isEqualTo(whole.touches());
        assertThat(paged.skipped()).isEqualTo(whole.skipped()).isEqualTo(19);
        assertThat(paged.warnings).isEqualTo(whole.warnings);
    }

    @ParameterizedTest(name = "pages of {0} bytes")
    @ValueSource(longs = {1, 333, 4096})
    void aLargerFileWithCrLfLinesBlankLinesAndMultiLineCellsReadsTheSameInPages(long pageBytes) throws IOException {
        Path[] files = generated(300, 6);
        Pass whole = readPass(adapter(files[0].toString(), files[1].toString(), ONE_PAGE), CrmCursor.initial());

        Pass paged = readPass(adapter(files[0].toString(), files[1].toString(), pageBytes), CrmCursor.initial());

        assertThat(whole.deals()).hasSize(300); // and a row that repeats an id
        assertThat(whole.touches()).hasSize(300 * 6);
        assertThat(whole.skipped()).isEqualTo(2); // the duplicate, and a touch of a deal the file lacks
        assertThat(paged.deals()).isEqualTo(whole.deals());
        assertThat(paged.touches()).isEqualTo(whole.touches());
        assertThat(paged.warnings).isEqualTo(whole.warnings).containsExactly(
                "file CRM: skipped " + files[0] + " line 348: deal G-7 already read on line 10",
                "file CRM: skipped " + files[1] + " line 1802: touch for unknown deal G-404");
    }

    @Test
    void pagesAreBoundedAndOnlyTheFirstStartsAndTheLastCompletesThePass() throws IOException {
        Path[] files = generated(300, 6);

        Pass paged = readPass(adapter(files[0].toString(), files[1].toString(), 2_000), CrmCursor.initial());

        assertThat(paged.pages).hasSizeGreaterThan(20);
        // a deal row is 90 bytes or more, a touch row 30 or more; a page ends with the first record that reaches
        // 2,000 bytes, in the deals file or the touches file
        assertThat(paged.pages).allSatisfy(page -> assertThat(page.deals().size() * 90 + page.touches().size() * 30)
                .isLessThanOrEqualTo(2_000 + 150 + 40));
        List<CrmChanges> allButLast = paged.pages.subList(0, paged.pages.size() - 1);
        assertThat(allButLast).allSatisfy(page -> {
            assertThat(page.hasMore()).isTrue();
            assertThat(page.complete()).isFalse();
        });
        CrmChanges last = paged.pages.get(paged.pages.size() - 1);
        assertThat(last.hasMore()).isFalse();
        assertThat(last.complete()).isTrue();
        assertThat(last.next().value()).matches("file:v1;sha256=[0-9a-f]{64};anchor=2026-11-22T00:00:00Z");
        assertThat(paged.pages).extracting(CrmChanges::startsFullPass)
                .containsOnlyOnce(true).first().isEqualTo(true);
    }

    @Test
    void dealsComeBeforeAnyTouchSoEveryTouchsDealIsAlreadyKnown() throws IOException {
        Path[] files = generated(300, 6);

        Pass paged = readPass(adapter(files[0].toString(), files[1].toString(), 2_000), CrmCursor.initial());

        int lastPageWithDeals = 0;
        int firstPageWithTouches = Integer.MAX_VALUE;
        for (int i = 0; i < paged.pages.size(); i++) {
            if (!paged.pages.get(i).deals().isEmpty()) {
                lastPageWithDeals = i;
            }
            if (!paged.pages.get(i).touches().isEmpty()) {
                firstPageWithTouches = Math.min(firstPageWithTouches, i);
            }
        }
        assertThat(lastPageWithDeals).isLessThanOrEqualTo(firstPageWithTouches);
    }

    @ParameterizedTest(name = "cut short after {0} pages")
    @ValueSource(ints = {1, 5, 20, 40})
    void aPassCutShortResumesFromItsCursorInAFreshProcessAndLosesNothing(int pagesBeforeTheCrash) throws IOException {
        Path[] files = generated(300, 6);
        Pass whole = readPass(adapter(files[0].toString(), files[1].toString(), ONE_PAGE), CrmCursor.initial());

        Pass beforeCrash = readPages(adapter(files[0].toString(), files[1].toString(), 2_000), CrmCursor.initial(),
                pagesBeforeTheCrash);
        CrmCursor stored = beforeCrash.pages.get(beforeCrash.pages.size() - 1).next();
        Pass afterRestart = readPass(adapter(files[0].toString(), files[1].toString(), 2_000), stored);

        assertThat(beforeCrash.pages.get(beforeCrash.pages.size() - 1).hasMore()).isTrue();
        assertThat(afterRestart.pages.get(0).startsFullPass()).isFalse();
        List<CrmDeal> deals = new ArrayList<>(beforeCrash.deals());
        deals.addAll(afterRestart.deals());
        List<CrmTouch> touches = new ArrayList<>(beforeCrash.touches());
        touches.addAll(afterRestart.touches());
        List<String> warnings = new ArrayList<>(beforeCrash.warnings);
        warnings.addAll(afterRestart.warnings);
        assertThat(deals).isEqualTo(whole.deals());
        assertThat(touches).isEqualTo(whole.touches());
        assertThat(warnings).isEqualTo(whole.warnings);
        assertThat(beforeCrash.skipped() + afterRestart.skipped()).isEqualTo(whole.skipped());
    }

    @Test
    void aPageReadTwiceFromTheSameCursorGivesTheSameRecords() throws IOException {
        Path[] files = generated(300, 6);
        FileCrmAdapter adapter = adapter(files[0].toString(), files[1].toString(), 2_000);
        CrmCursor cursor = readPages(adapter, CrmCursor.initial(), 3).pages.get(2).next();

        CrmChanges once = adapter.changesSince(cursor);
        CrmChanges again = adapter.changesSince(cursor);

        assertThat(again.deals()).isEqualTo(once.deals()).isNotEmpty();
        assertThat(again.next()).isEqualTo(once.next());
    }

    @Test
    void aFileEditedInTheMiddleOfAPassStartsThePassAgainFromTheFirstDeal() throws IOException {
        Path[] files = generated(300, 6);
        FileCrmAdapter adapter = adapter(files[0].toString(), files[1].toString(), 2_000);
        CrmCursor midway = readPages(adapter, CrmCursor.initial(), 30).pages.get(29).next();

        Files.writeString(files[1], "G-1,2026-11-20T10:00:00Z,inbound,email,false\n", StandardOpenOption.APPEND);
        Pass rest;
        try (LogCapture log = new LogCapture(FileCrmAdapter.class)) {
            rest = readPass(adapter, midway);
            assertThat(log.lines(Level.INFO)).first().asString().endsWith("changed in the middle of a pass; "
                    + "reading both again from the start");
        }

        assertThat(rest.pages.get(0).startsFullPass()).isTrue();
        assertThat(rest.deals()).hasSize(300).first().extracting(CrmDeal::id).isEqualTo("G-0");
        assertThat(rest.touches()).hasSize(300 * 6 + 1);
    }

    @Test
    void afterACompletePassTheNextCallStartsAnotherFullPass() throws IOException {
        Path[] files = generated(50, 2);
        FileCrmAdapter adapter = adapter(files[0].toString(), files[1].toString(), 2_000);
        Pass first = readPass(adapter, CrmCursor.initial());

        Pass second = readPass(adapter, first.pages.get(first.pages.size() - 1).next());

        assertThat(second.pages.get(0).startsFullPass()).isTrue();
        assertThat(second.deals()).isEqualTo(first.deals());
        assertThat(second.touches()).isEqualTo(first.touches());
    }

    @Test
    void aQuotedCellLeftOpenDoesNotMakeTheRestOfTheFileOnePage() throws IOException {
        Path deals = Files.writeString(dir.resolve("deals.csv"), LocationsTest.ONE_DEAL, StandardCharsets.UTF_8);
        StringBuilder rows = new StringBuilder(TOUCHES_HEADER).append("F-1,\"now-1d,inbound,email,false\n");
        while (rows.length() < 3 * CsvChunks.MAX_RECORD_BYTES) {
            rows.append("F-1,2026-11-").append(10 + rows.length() % 10).append("T10:00:00.")
                    .append(String.format("%06d", rows.length() % 1_000_000)).append("Z,outbound,email,false\n");
        }
        Path touches = Files.writeString(dir.resolve("touches.csv"), rows, StandardCharsets.UTF_8);
        Pass whole = readPass(adapter(deals.toString(), touches.toString(), ONE_PAGE), CrmCursor.initial());

        Pass paged = readPass(adapter(deals.toString(), touches.toString(), 100_000), CrmCursor.initial());

        assertThat(whole.warnings).containsExactly("file CRM: skipped " + touches
                + " line 2: CSV syntax: EOF reached before encapsulated token finished");
        assertThat(paged.touches()).isEqualTo(whole.touches()).hasSizeGreaterThan(50_000);
        assertThat(paged.warnings).hasSize(1).first().asString().startsWith("file CRM: skipped " + touches
                + " line 2: CSV syntax:");
        // 100,000 bytes a page, plus at most the 1 MiB an open quote may run before its line end ends the record
        int mostRowsAPage = (int) ((100_000 + CsvChunks.MAX_RECORD_BYTES) / 40 + 1);
        assertThat(paged.pages)
                .allSatisfy(page -> assertThat(page.touches().size()).isLessThanOrEqualTo(mostRowsAPage));
    }

    /**
     * {@code deals} deals with {@code touches} touches each; every 7th deal has a quoted name over two lines,
     * every 5th line ends in CRLF, blank lines here and there, one duplicate deal id near the end and one touch
     * of a deal the file lacks.
     */
    private Path[] generated(int deals, int touches) throws IOException {
        StringBuilder dealRows = new StringBuilder(DEALS_HEADER);
        for (int i = 0; i < deals; i++) {
            String name = i % 7 == 0 ? "\"Deal " + i + ",\nphase \"\"two\"\"\"" : "Deal " + i;
            String end = i % 5 == 0 ? "\r\n" : "\n";
            if (i == deals - 2) {
                dealRows.append("G-7,Copy,Acme,Demo,1,EUR,x@example.com,X,x@example.com,,false,now").append(end);
            }
            dealRows.append("G-").append(i).append(',').append(name).append(",Ångström AB,Demo,").append(i)
                    .append(".50,EUR,rep").append(i % 3).append("@example.com,Zoë ").append(i)
                    .append(",zoe").append(i).append("@example.com,+46 8 555,").append(i % 4 == 0)
                    .append(",now-").append(i % 30).append('d').append(end);
            if (i % 50 == 49) {
                dealRows.append('\n');
            }
        }
        StringBuilder touchRows = new StringBuilder(TOUCHES_HEADER);
        for (int i = 0; i < deals; i++) {
            for (int t = 0; t < touches; t++) {
                touchRows.append("G-").append(i).append(",now-").append(t + 1).append("d").append(i % 24)
                        .append("h,").append(t % 2 == 0 ? "outbound" : "inbound").append(",email,false")
                        .append(t % 5 == 0 ? "\r\n" : "\n");
            }
        }
        touchRows.append("G-404,now-1d,inbound,email,false\n");
        return new Path[] {
                Files.writeString(dir.resolve("deals.csv"), dealRows, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("touches.csv"), touchRows, StandardCharsets.UTF_8)};
    }

    private static FileCrmAdapter adapter(String deals, String touches, long pageBytes) {
        return new FileCrmAdapter(deals, touches, new DefaultResourceLoader(), CLOCK, pageBytes);
    }

    private static Pass readPass(FileCrmAdapter adapter, CrmCursor from) {
        return readPages(adapter, from, Integer.MAX_VALUE);
    }

    private static Pass readPages(FileCrmAdapter adapter, CrmCursor from, int most) {
        List<CrmChanges> pages = new ArrayList<>();
        try (LogCapture log = new LogCapture(FileCrmAdapter.class)) {
            CrmCursor cursor = from;
            while (pages.size() < most) {
                CrmChanges page = adapter.changesSince(cursor);
                pages.add(page);
                cursor = page.next();
                if (!page.hasMore()) {
                    break;
                }
                assertThat(pages).as("a pass ends").hasSizeLessThan(100_000);
            }
            return new Pass(pages, log.lines(Level.WARN));
        }
    }

    private record Pass(List<CrmChanges> pages, List<String> warnings) {

        List<CrmDeal> deals() {
            return pages.stream().flatMap(page -> page.deals().stream()).toList();
        }

        List<CrmTouch> touches() {
            return pages.stream().flatMap(page -> page.touches().stream()).toList();
        }

        int skipped() {
            return pages.stream().mapToInt(CrmChanges::skipped).sum();
        }
    }
}
