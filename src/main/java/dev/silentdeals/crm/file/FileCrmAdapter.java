package dev.silentdeals.crm.file;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
import dev.silentdeals.crm.file.FileCrmCursor.File;
import dev.silentdeals.crm.file.FileCrmCursor.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * The CRM as two CSV files: the laptop and demo adapter, and the one the bundled sample runs on.
 *
 * <p>Files: RFC 4180, UTF-8 (a BOM is fine), header row required, columns matched by name.
 * <ul>
 * <li>deals: {@code id,name,company,stage,amount,currency,owner_email,contact_name,contact_email,contact_phone,
 * closed,updated_at}; amount, currency and phone may be empty; closed is true|false.</li>
 * <li>touches: {@code deal_id,at,direction,channel,auto_reply}; direction inbound|outbound, channel
 * email|call|meeting|note, auto_reply true|false (case-insensitive, trimmed). A future meeting is a booked one.</li>
 * </ul>
 *
 * <p>Times are ISO-8601 with an offset, or relative: {@code now}, {@code now-12d}, {@code now-3d4h},
 * {@code now+2d}, {@code now-90m} (units d, h, m). "now" is the anchor: the start of the UTC day of the first
 * pass, carried in the cursor afterwards, so a relative touch gets the same instant on every pass (the store
 * recognises touches by their time; a moving "now" would add copies) and the whole file ages with real time,
 * as a CRM would. A sync that restarts from the initial cursor re-anchors to the current day.
 *
 * <p>Every pass reads both files whole, in pages of about {@value #PAGE_BYTES} bytes of CSV: first the deals
 * file, then the touches file, a page carrying the end of one and the start of the other when both fit. Pages are
 * bounded in bytes because what a page costs in memory (its text, its records, the store's batch) grows with its
 * bytes whatever mix of deals and touches it holds: a page is about 10,000 deals or 40,000 touches, a few tens of
 * MB in flight, and a file of millions of rows is never in memory. A page ends where a record ends, so no row is
 * split or read twice; touch pages carry no deals, and since every deal comes before any touch, each touch's deal
 * is already stored. The first page of a pass says {@code startsFullPass}, the last {@code complete} (so deals
 * missing from the file are marked gone); between them the cursor holds the byte offset and line where the next
 * page starts, so a pass cut short resumes there. If either file changes in the middle of a pass (size or
 * modification time), the pass starts again from the first deal. After the last page the cursor holds a
 * SHA-256 fingerprint of both files.
 *
 * <p>A malformed row (wrong column count, bad CSV quoting, missing id, unparsable time, unknown
 * direction/channel/boolean, bad amount or currency, a deal id seen before) is skipped with one WARN line naming
 * the file, the line (header = line 1) and why, and counted in {@code skipped}. A touch whose deal is not in the
 * deals file (or whose deal row was skipped) is skipped and counted the same way: the store only keeps touches of
 * deals it knows. The ids of the pass's deals, with the line of each, are the one thing kept in memory across
 * pages (about 10 MB for 100,000 deals); they are read again from the deals file when a pass resumes in a fresh
 * process or a page is read a second time. A
 * missing, unreadable or non-UTF-8 file, or a header without the required columns, fails the page with a
 * {@link dev.silentdeals.crm.http.CrmUnavailableException} naming the file. The files are never written.
 */
public final class FileCrmAdapter implements CrmAdapter {

    /** About 2 MiB of CSV per page. */
    static final int PAGE_BYTES = 2 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(FileCrmAdapter.class);

    private final CsvSource dealsFile;
    private final CsvSource touchesFile;
    private final Clock clock;
    private final long pageBytes;
    private DealIds dealIds;

    FileCrmAdapter(String dealsLocation, String touchesLocation, ResourceLoader resourceLoader, Clock clock,
                   long pageBytes) {
        this.dealsFile = new CsvSource("deals", dealsLocation, resourceLoader);
        this.touchesFile = new CsvSource("touches", touchesLocation, resourceLoader);
        this.clock = clock;
        this.pageBytes = pageBytes;
    }

    public FileCrmAdapter(String dealsLocation, String touchesLocation, ResourceLoader resourceLoader, Clock clock) {
        this(dealsLocation, touchesLocation, resourceLoader, clock, PAGE_BYTES);
    }

    public FileCrmAdapter(String dealsLocation, String touchesLocation, Clock clock) {
        this(dealsLocation, touchesLocation, new DefaultResourceLoader(), clock);
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public synchronized CrmChanges changesSince(CrmCursor cursor) {
        // Both headers on every page: a missing or broken file fails the page before anything of it is stored.
        CsvChunks.Header dealsHeader = CsvChunks.header(dealsFile, FileCrmRows.DEAL_COLUMNS);
        CsvChunks.Header touchesHeader = CsvChunks.header(touchesFile, FileCrmRows.TOUCH_COLUMNS);
        String stamp = dealsFile.stamp() + "," + touchesFile.stamp();
        Optional<FileCrmCursor> previous = FileCrmCursor.from(cursor);
        if (previous.isEmpty() && !cursor.isInitial()) {
            log.warn("file CRM: cursor '{}' is not one this adapter wrote; reading from a fresh anchor",
                    cursor.value());
        }
        Instant anchor = previous.map(FileCrmCursor::anchor)
                .orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.DAYS));
        String lastFingerprint = previous.map(FileCrmCursor::fingerprint).orElse(null);

        Position position = previous.map(FileCrmCursor::position).orElse(null);
        if (position != null && !position.stamp().equals(stamp)) {
            log.info("file CRM: '{}' or '{}' changed in the middle of a pass; reading both again from the start",
                    dealsFile.location(), touchesFile.location());
            position = null;
        }
        boolean startsPass = position == null;
        if (startsPass) {
            position = new Position(UUID.randomUUID().toString().substring(0, 8), File.DEALS, dealsHeader.dataOffset(),
                    dealsHeader.dataLine(), stamp, 0, 0, 0);
        }
        DealIds ids = dealIds != null && dealIds.readUpTo().equals(position) ? dealIds
                : rereadDealIds(position, dealsHeader, anchor);
        dealIds = null; // until this page is read whole: a page that fails half-way leaves ids it must not count

        Page page = new Page(anchor, ids, dealsHeader.columns(), touchesHeader.columns(), true);
        long budget = pageBytes;
        File file = position.file();
        long offset = position.offset();
        int line = position.line();
        boolean done = false;
        if (file == File.DEALS) {
            CsvChunks.Chunk chunk = CsvChunks.read(dealsFile, offset, line, budget);
            page.readDeals(chunk);
            budget -= chunk.size();
            offset = chunk.nextOffset();
            line = chunk.nextLine();
            if (chunk.last()) {
                file = File.TOUCHES;
                offset = touchesHeader.dataOffset();
                line = touchesHeader.dataLine();
            }
        }
        if (file == File.TOUCHES && budget > 0) {
            CsvChunks.Chunk chunk = CsvChunks.read(touchesFile, offset, line, budget);
            page.readTouches(chunk);
            offset = chunk.nextOffset();
            line = chunk.nextLine();
            done = chunk.last();
        }
        Position next = position.advancedTo(file, offset, line, page.deals.size(), page.touches.size(), page.skipped);
        dealIds = new DealIds(next, ids.firstLines());
        if (!done) {
            return new CrmChanges(page.deals, page.touches,
                    new FileCrmCursor(lastFingerprint, anchor, next).toCrmCursor(), true, false, page.skipped,
                    startsPass);
        }
        dealIds = null; // the pass is over; the next one collects them again as it goes
        String fingerprint = fingerprint(dealsFile.sha256(), touchesFile.sha256());
        String summary = "file CRM: read {} deals and {} touches from '{}' and '{}' ({} rows skipped, anchor {})";
        Object[] figures = {next.deals(), next.touches(), dealsFile.location(), touchesFile.location(),
                next.skipped(), anchor};
        if (!fingerprint.equals(lastFingerprint)) {
            log.info(summary, figures);
        } else {
            log.debug(summary, figures);
        }
        return new CrmChanges(page.deals, page.touches, new FileCrmCursor(fingerprint, anchor).toCrmCursor(), false,
                true, page.skipped, startsPass);
    }

    @Override
    public WriteBackResult writeBack(TruthWriteBack truth) {
        log.info("file CRM: truth for deal {} not written back (files are read-only)", truth.dealId());
        return WriteBackResult.written("file adapter: nothing to write");
    }

    /**
     * The deal ids a pass read before {@code position}, when this process did not just read them itself (it
     * resumed a pass another one began, or reads a page again): the deals file read again up to there, page by
     * page, without logging its problems a second time.
     */
    private DealIds rereadDealIds(Position position, CsvChunks.Header dealsHeader, Instant anchor) {
        DealIds ids = new DealIds(position, new HashMap<>());
        long end = position.file() == File.DEALS ? position.offset() : Long.MAX_VALUE;
        long offset = dealsHeader.dataOffset();
        int line = dealsHeader.dataLine();
        while (offset < end) {
            CsvChunks.Chunk chunk = CsvChunks.read(dealsFile, offset, line, Math.min(pageBytes, end - offset));
            new Page(anchor, ids, dealsHeader.columns(), List.of(), false).readDeals(chunk);
            offset = chunk.nextOffset();
            line = chunk.nextLine();
            if (chunk.last()) {
                break;
            }
        }
        return ids;
    }

    private static String fingerprint(byte[] dealsDigest, byte[] touchesDigest) {
        try {
            MessageDigest both = MessageDigest.getInstance("SHA-256");
            both.update(dealsDigest);
            both.update(touchesDigest);
            return HexFormat.of().formatHex(both.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The deals a pass has read up to a position: id to the line it was first read on. */
    private record DealIds(Position readUpTo, Map<String, Integer> firstLines) {
    }

    /** One page: the records of its pieces of the deals and touches files, and its bad rows logged. */
    private final class Page {

        private final Instant anchor;
        private final DealIds ids;
        private final List<String> dealColumns;
        private final List<String> touchColumns;
        private final List<CrmDeal> deals = new ArrayList<>();
        private final List<CrmTouch> touches = new ArrayList<>();
        private final boolean logProblems;
        private int skipped;

        Page(Instant anchor, DealIds ids, List<String> dealColumns, List<String> touchColumns, boolean logProblems) {
            this.anchor = anchor;
            this.logProblems = logProblems;
            this.ids = ids;
            this.dealColumns = dealColumns;
            this.touchColumns = touchColumns;
        }

        void readDeals(CsvChunks.Chunk chunk) {
            List<CsvTable.Problem> problems = new ArrayList<>();
            CsvTable table = CsvTable.parse(chunk.text(), chunk.firstLine(), dealColumns, row -> {
                try {
                    CrmDeal deal = FileCrmRows.deal(row, anchor);
                    Integer firstLine = ids.firstLines().putIfAbsent(deal.id(), row.line());
                    if (firstLine != null) {
                        throw new MalformedRow("deal " + deal.id() + " already read on line " + firstLine);
                    }
                    deals.add(deal);
                } catch (MalformedRow e) {
                    problems.add(new CsvTable.Problem(row.line(), e.reason()));
                }
            });
            problems.addAll(table.problems());
            skip(dealsFile, problems);
        }

        void readTouches(CsvChunks.Chunk chunk) {
            List<CsvTable.Problem> problems = new ArrayList<>();
            CsvTable table = CsvTable.parse(chunk.text(), chunk.firstLine(), touchColumns, row -> {
                try {
                    CrmTouch touch = FileCrmRows.touch(row, anchor);
                    if (!ids.firstLines().containsKey(touch.dealId())) {
                        throw new MalformedRow("touch for unknown deal " + touch.dealId());
                    }
                    touches.add(touch);
                } catch (MalformedRow e) {
                    problems.add(new CsvTable.Problem(row.line(), e.reason()));
                }
            });
            problems.addAll(table.problems());
            skip(touchesFile, problems);
        }

        /** One WARN line per bad row, in file order, so an operator can fix the file top to bottom. */
        private void skip(CsvSource source, List<CsvTable.Problem> problems) {
            problems.sort(Comparator.comparingInt(CsvTable.Problem::line));
            for (CsvTable.Problem problem : problems) {
                skipped++;
                if (logProblems) { // not when re-reading deal ids: the pass logged these when it first read them
                    log.warn("file CRM: skipped {} line {}: {}", source.location(), problem.line(), problem.reason());
                }
            }
        }
    }
}
