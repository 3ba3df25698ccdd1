package dev.silentdeals.crm.file;

import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.silentdeals.crm.CrmAdapter;
import dev.silentdeals.crm.CrmChanges;
import dev.silentdeals.crm.CrmCursor;
import dev.silentdeals.crm.CrmDeal;
import dev.silentdeals.crm.CrmTouch;
import dev.silentdeals.crm.TruthWriteBack;
import dev.silentdeals.crm.WriteBackResult;
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
 * <p>Every pass returns everything in one page ({@code hasMore=false}, {@code complete=true}, so deals missing
 * from the file are marked gone); the next cursor holds a SHA-256 fingerprint of both files. A malformed row
 * (wrong column count, bad CSV quoting, missing id, unparsable time, unknown direction/channel/boolean, bad
 * amount or currency, a deal id seen before) is skipped with one WARN line naming the file, the line (header =
 * line 1) and why, and counted in {@code skipped}. A touch whose deal is not in the deals file (or whose deal row
 * was skipped) is skipped and counted the same way: the store only keeps touches of deals it knows. A missing,
 * unreadable or non-UTF-8 file, or a header without the required columns, fails the pass with a
 * {@link dev.silentdeals.crm.http.CrmUnavailableException} naming the file. The files are never written.
 */
public final class FileCrmAdapter implements CrmAdapter {

    private static final Logger log = LoggerFactory.getLogger(FileCrmAdapter.class);

    private final CsvSource dealsFile;
    private final CsvSource touchesFile;
    private final Clock clock;

    public FileCrmAdapter(String dealsLocation, String touchesLocation, ResourceLoader resourceLoader, Clock clock) {
        this.dealsFile = new CsvSource("deals", dealsLocation, resourceLoader);
        this.touchesFile = new CsvSource("touches", touchesLocation, resourceLoader);
        this.clock = clock;
    }

    public FileCrmAdapter(String dealsLocation, String touchesLocation, Clock clock) {
        this(dealsLocation, touchesLocation, new DefaultResourceLoader(), clock);
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public CrmChanges changesSince(CrmCursor cursor) {
        Text deals = read(dealsFile);
        Text touches = read(touchesFile);
        String fingerprint = fingerprint(deals.digest(), touches.digest());
        Optional<FileCrmCursor> previous = FileCrmCursor.from(cursor);
        if (previous.isEmpty() && !cursor.isInitial()) {
            log.warn("file CRM: cursor '{}' is not one this adapter wrote; reading from a fresh anchor", cursor.value());
        }
        Instant anchor = previous.map(FileCrmCursor::anchor)
                .orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.DAYS));

        Pass pass = new Pass(anchor);
        pass.readDeals(deals.text());
        pass.readTouches(touches.text());

        boolean changed = previous.map(p -> !p.fingerprint().equals(fingerprint)).orElse(true);
        String summary = "file CRM: read {} deals and {} touches from '{}' and '{}' ({} rows skipped, anchor {})";
        Object[] figures = {pass.deals.size(), pass.touches.size(), dealsFile.location(), touchesFile.location(),
                pass.skipped, anchor};
        if (changed) {
            log.info(summary, figures);
        } else {
            log.debug(summary, figures);
        }
        return new CrmChanges(List.copyOf(pass.deals.values()), pass.touches,
                new FileCrmCursor(fingerprint, anchor).toCrmCursor(), false, true, pass.skipped);
    }

    @Override
    public WriteBackResult writeBack(TruthWriteBack truth) {
        log.info("file CRM: truth for deal {} not written back (files are read-only)", truth.dealId());
        return WriteBackResult.written("file adapter: nothing to write");
    }

    /**
     * The file's text and SHA-256. The raw bytes go out of scope here: a file of two million touches is then
     * held once, as text, while it is parsed.
     */
    private static Text read(CsvSource source) {
        byte[] bytes = source.bytes();
        return new Text(source.text(bytes), sha256(bytes));
    }

    private static CsvTable parse(CsvSource source, String text, List<String> columns,
                                  Consumer<CsvTable.Row> eachRow) {
        try {
            return CsvTable.parse(text, columns, eachRow);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw source.unavailable("cannot be used: " + e.getMessage());
        }
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

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Text(String text, byte[] digest) {
    }

    /** One read of both files. */
    private final class Pass {

        private final Instant anchor;
        private final Map<String, CrmDeal> deals = new LinkedHashMap<>();
        private final Map<String, Integer> dealLines = new LinkedHashMap<>();
        private final List<CrmTouch> touches = new ArrayList<>();
        private int skipped;

        Pass(Instant anchor) {
            this.anchor = anchor;
        }

        void readDeals(String text) {
            List<CsvTable.Problem> problems = new ArrayList<>();
            CsvTable table = parse(dealsFile, text, FileCrmRows.DEAL_COLUMNS, row -> {
                try {
                    CrmDeal deal = FileCrmRows.deal(row, anchor);
                    Integer firstLine = dealLines.putIfAbsent(deal.id(), row.line());
                    if (firstLine != null) {
                        throw new MalformedRow("deal " + deal.id() + " already read on line " + firstLine);
                    }
                    deals.put(deal.id(), deal);
                } catch (MalformedRow e) {
                    problems.add(new CsvTable.Problem(row.line(), e.reason()));
                }
            });
            problems.addAll(table.problems());
            skip(dealsFile, problems);
        }

        void readTouches(String text) {
            List<CsvTable.Problem> problems = new ArrayList<>();
            CsvTable table = parse(touchesFile, text, FileCrmRows.TOUCH_COLUMNS, row -> {
                try {
                    CrmTouch touch = FileCrmRows.touch(row, anchor);
                    CrmDeal deal = deals.get(touch.dealId());
                    if (deal == null) {
                        throw new MalformedRow("touch for unknown deal " + touch.dealId());
                    }
                    // The deal's own id string, not the row's copy: millions of touches share a few ids.
                    touches.add(new CrmTouch(deal.id(), touch.at(), touch.direction(), touch.channel(),
                            touch.autoReply()));
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
                log.warn("file CRM: skipped {} line {}: {}", source.location(), problem.line(), problem.reason());
            }
        }
    }
}
