package dev.silentdeals.crm.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The data rows of one RFC 4180 CSV text with a header row, each with the physical line it starts on (header =
 * line 1, as an editor shows it). Column names are matched trimmed and case-insensitively; cells are trimmed.
 * Rows the CSV syntax itself rejects (a stray quote, an unterminated quoted cell) or whose column count differs
 * from the header come back as problems, and reading resumes on the next line, so one bad row loses nothing else.
 */
final class CsvTable {

    record Row(int line, Map<String, String> cells) {

        String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    record Problem(int line, String reason) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final String text;
    private final int[] lineStarts;
    private List<String> header;

    private CsvTable(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /**
     * @throws IllegalArgumentException when there is no usable header row or it lacks a required column; the
     *                                  message says what is wrong, the caller names the file
     */
    static CsvTable parse(String text, List<String> requiredColumns) {
        CsvTable table = new CsvTable(text.startsWith("\uFEFF") ? text.substring(1) : text);
        table.read(requiredColumns);
        return table;
    }

    List<Row> rows() {
        return rows;
    }

    List<Problem> problems() {
        return problems;
    }

    private void read(List<String> requiredColumns) {
        int segmentLine = 1;
        while (segmentLine <= lineStarts.length) {
            segmentLine = readSegment(segmentLine, requiredColumns);
        }
    }

    /** Reads from {@code firstLine} to the end, or up to a syntax error; returns the line to resume on. */
    private int readSegment(int firstLine, List<String> requiredColumns) {
        int segmentStart = lineStarts[firstLine - 1];
        try (CSVParser parser = CSVParser.parse(text.substring(segmentStart), format())) {
            if (header == null) {
                header = header(parser, requiredColumns);
            }
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
                    problems.add(new Problem(badLine, "CSV syntax: " + withoutPosition(e)));
                    return badLine + 1;
                }
                accept(record, firstNonBlankLine(lineOf(segmentStart + (int) record.getCharacterPosition())));
            }
        } catch (IOException e) {
            if (header == null) {
                throw new IllegalArgumentException("its header row cannot be read: " + e.getMessage());
            }
            throw new UncheckedIOException(e);
        }
    }

    private CSVFormat format() {
        CSVFormat.Builder builder = CSVFormat.RFC4180.builder()
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true);
        return header == null
                ? builder.setHeader().setSkipHeaderRecord(true).get()
                : builder.setHeader(header.toArray(String[]::new)).setSkipHeaderRecord(false).get();
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
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            byColumn.putIfAbsent(header.get(i), cells.get(i).strip());
        }
        rows.add(new Row(line, byColumn));
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
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if ((c == '\r' || c == '\n') && i + 1 < text.length()) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
