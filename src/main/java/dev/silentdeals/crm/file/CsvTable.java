package dev.silentdeals.crm.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The data rows of one piece of an RFC 4180 CSV text (a page of a file, cut where a record ends), each with the
 * physical line of the file it starts on (header = line 1, as an editor shows it), handed one at a time to the
 * caller and not kept. Column names come from the file's header row, read once per page by {@link #header};
 * they are matched trimmed and case-insensitively; cells are trimmed. Rows the CSV syntax itself rejects (a stray
 * quote, an unterminated quoted cell) or whose column count differs from the header come back as problems, and
 * reading resumes on the next line, so one bad row loses nothing else.
 */
final class CsvTable {

    /** One data row: its trimmed cells, found by column name through the header shared by every row. */
    record Row(int line, Map<String, Integer> columns, String[] cells) {

        String get(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : cells[index];
        }
    }

    record Problem(int line, String reason) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Consumer<Row> sink;
    private final String text;
    private final int lineBefore;
    private final int[] lineStarts;
    private final List<String> header;
    private final Map<String, Integer> columns;

    private CsvTable(String text, int firstLine, List<String> header, Consumer<Row> sink) {
        this.text = text;
        this.lineBefore = firstLine - 1;
        this.header = header;
        this.sink = sink;
        this.lineStarts = lineStarts(text);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i), i); // a repeated column name: the first one counts
        }
        this.columns = Map.copyOf(byName);
    }

    /**
     * The column names of a header row (a leading BOM is dropped), trimmed and lower-cased.
     *
     * @throws IllegalArgumentException when there is no usable header row or it lacks a required column; the
     *                                  message says what is wrong, the caller names the file
     */
    static List<String> header(String text, List<String> requiredColumns) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(withoutBom, format)) {
            return header(parser, requiredColumns);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("its header row cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads the data rows of {@code text}, whose first line is line {@code firstLine} of the file and which
     * holds whole records only, under the file's {@code header}.
     */
    static CsvTable parse(String text, int firstLine, List<String> header, Consumer<Row> eachRow) {
        CsvTable table = new CsvTable(text, firstLine, header, eachRow);
        table.read();
        return table;
    }

    List<Problem> problems() {
        return problems;
    }

    private void read() {
        int segmentLine = 1;
        while (segmentLine <= lineStarts.length) {
            segmentLine = readSegment(segmentLine);
        }
    }

    /**
     * Reads from {@code firstLine} (of this text) to the end, or up to a syntax error; returns the line to
     * resume on.
     */
    private int readSegment(int firstLine) {
        int segmentStart = lineStarts[firstLine - 1];
        try (CSVParser parser = CSVParser.parse(text.substring(segmentStart), format())) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long linesBefore = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return Integer.MAX_VALUE;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    int badLine = firstNonBlankLine(firstLine + (int) linesBefore);
                    problems.add(new Problem(lineBefore + badLine, "CSV syntax: " + withoutPosition(e)));
                    return badLine + 1;
                }
                int line = firstNonBlankLine(lineOf(segmentStart + (int) record.getCharacterPosition()));
                accept(record, lineBefore + line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CSVFormat format() {
        return CSVFormat.RFC4180.builder()
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setHeader(header.toArray(String[]::new))
                .setSkipHeaderRecord(false)
                .get();
    }

    private static List<String> header(CSVParser parser, List<String> requiredColumns) {
        List<String> names = parser.getHeaderNames().stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("it has no header row; expected " + String.join(",", requiredColumns));
        }
        List<String> missing = requiredColumns.stream().filter(column -> !names.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("its header row lacks " + String.join(", ", missing)
                    + "; expected " + String.join(",", requiredColumns));
        }
        return names;
    }

    private void accept(CSVRecord record, int line) {
        List<String> cells = record.toList();
        if (cells.stream().allMatch(String::isBlank)) {
            return; // a line of spaces holds no data
        }
        if (cells.size() != header.size()) {
            problems.add(new Problem(line, "has " + cells.size() + " columns, the header has " + header.size()));
            return;
        }
        String[] trimmed = new String[cells.size()];
        for (int i = 0; i < trimmed.length; i++) {
            trimmed[i] = cells.get(i).strip();
        }
        sink.accept(new Row(line, columns, trimmed));
    }

    private static String withoutPosition(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        // Commons CSV counts lines from where this segment began; the caller reports the file's own line
        message = message.replaceFirst("^\\(startline \\d+\\) ", "");
        int position = message.indexOf(" at line:");
        return position < 0 ? message : message.substring(0, position);
    }

    private int firstNonBlankLine(int line) {
        while (line < lineStarts.length && isBlankLine(line)) {
            line++;
        }
        return line;
    }

    private boolean isBlankLine(int line) {
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        return text.substring(lineStarts[line - 1], end).isBlank();
    }

    private int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** Offsets where each physical line starts; CRLF, LF and lone CR all end a line. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[1024];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if ((c == '\r' || c == '\n') && i + 1 < text.length()) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }
}
