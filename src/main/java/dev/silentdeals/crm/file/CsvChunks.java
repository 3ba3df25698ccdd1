package dev.silentdeals.crm.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one CSV file a piece at a time: its header row, then pieces of whole records from a byte offset, each
 * about {@code budget} bytes (it ends at the first record end at or past the budget). Only the piece is in
 * memory; the file is reopened at the offset for the next one, so a page costs the same early or late in a file.
 */
final class CsvChunks {

    /** A record longer than this is a quoted cell left open; see {@link RecordEnds}. */
    static final long MAX_RECORD_BYTES = 1 << 20;

    private static final int READ_SIZE = 64 * 1024;

    /** The file's column names and where its data rows begin. */
    record Header(List<String> columns, long dataOffset, int dataLine) {
    }

    /**
     * Whole records from one offset: their text, the file line it starts on, and where the next piece starts.
     * {@code last} says the file ends with this piece.
     */
    record Chunk(String text, int firstLine, int size, long nextOffset, int nextLine, boolean last) {
    }

    private CsvChunks() {
    }

    /**
     * @throws dev.silentdeals.crm.http.CrmUnavailableException naming the file when it is missing, unreadable,
     *                                                          not UTF-8, or its header row is unusable
     */
    static Header header(CsvSource source, List<String> requiredColumns) {
        long offset = 0;
        int line = 1;
        Chunk chunk;
        do { // blank lines before the header row are skipped, as the parser does
            chunk = read(source, offset, line, 1);
            offset = chunk.nextOffset();
            line = chunk.nextLine();
        } while (chunk.text().replace("\uFEFF", "").isBlank() && !chunk.last());
        try {
            return new Header(CsvTable.header(chunk.text(), requiredColumns), offset, line);
        } catch (IllegalArgumentException e) {
            throw source.unavailable("cannot be used: " + e.getMessage());
        }
    }

    /**
     * The records from {@code offset} (where a record starts, on file line {@code line}) up to about
     * {@code budget} bytes.
     */
    static Chunk read(CsvSource source, long offset, int line, long budget) {
        try (InputStream in = source.open(offset)) {
            // grown as needed: a budget larger than the file costs no more than the file
            byte[] buffer = new byte[(int) Math.min(Math.max(budget, 0), 4 << 20) + READ_SIZE];
            int filled = 0;
            boolean endOfFile = false;
            RecordEnds ends = new RecordEnds(MAX_RECORD_BYTES);
            int position = 0;
            int lines = 0;
            int cut = 0;
            int cutLines = 0;
            while (true) {
                if (position + 1 >= filled && !endOfFile) { // the byte after the current one decides a CR
                    if (filled == buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.addExact(buffer.length, buffer.length / 2));
                    }
                    int read = in.read(buffer, filled, Math.min(READ_SIZE, buffer.length - filled));
                    if (read < 0) {
                        endOfFile = true;
                    } else {
                        filled += read;
                    }
                    continue;
                }
                if (position >= filled) {
                    cut = filled; // the end of the file ends the last record, with or without a line end
                    cutLines = lines;
                    break;
                }
                int next = position + 1 < filled ? buffer[position + 1] & 0xff : -1;
                RecordEnds.End end = ends.feed(buffer[position] & 0xff, next);
                position++;
                if (end != RecordEnds.End.NONE) {
                    lines++;
                }
                if (end == RecordEnds.End.RECORD) {
                    cut = position;
                    cutLines = lines;
                    if (cut >= budget) {
                        break;
                    }
                }
            }
            boolean last = cut == filled && (endOfFile || in.read() < 0);
            return new Chunk(source.decode(buffer, cut), line, cut, offset + cut, line + cutLines, last);
        } catch (IOException e) {
            throw source.unavailable("cannot be read (" + e.getMessage() + ")");
        } catch (UncheckedIOException e) {
            throw source.unavailable("cannot be read (" + e.getCause().getMessage() + ")");
        }
    }
}
