package dev.silentdeals.crm.file;

/**
 * Finds where CSV records end in raw UTF-8 bytes, so a file can be cut into pages without decoding or parsing
 * it: a line end ends a record unless it lies inside a quoted cell. It follows RFC 4180 as the parser reads it:
 * a quote opens a quoted cell only at the start of a cell, a doubled quote inside one is a literal quote, and a
 * quote inside an unquoted cell is just a character. The bytes it looks at ({@code " , CR LF}) never occur
 * inside a multi-byte UTF-8 character.
 *
 * <p>A quoted cell left open (a stray quote) would otherwise run to the end of the file and make one page of all
 * of it: once a record is longer than {@code maxRecordBytes}, its next line end ends it. The parser then reports
 * that row as a CSV syntax problem and reads on from the next line, exactly as it does in one whole text.
 */
final class RecordEnds {

    enum End { NONE, LINE, RECORD }

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int AFTER_QUOTE = 3;

    private final long maxRecordBytes;
    private int state = FIELD_START;
    private long recordBytes;

    RecordEnds(long maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Takes the next byte ({@code next} is the one after it, or -1 at the end of the input) and says whether it
     * ends a physical line (LF, CR LF counted at its LF, or a lone CR) and whether that line end also ends the
     * record.
     */
    End feed(int b, int next) {
        recordBytes++;
        boolean lineEnd = b == '\n' || (b == '\r' && next != '\n');
        if (lineEnd) {
            if (state == QUOTED && recordBytes <= maxRecordBytes) {
                return End.LINE;
            }
            state = FIELD_START;
            recordBytes = 0;
            return End.RECORD;
        }
        if (b == '\r') {
            return End.NONE; // the LF right after it ends the line
        }
        state = switch (state) {
            case FIELD_START -> b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED;
            case UNQUOTED -> b == ',' ? FIELD_START : UNQUOTED;
            case QUOTED -> b == '"' ? AFTER_QUOTE : QUOTED;
            default -> b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED; // after a quote in a quoted cell
        };
        return End.NONE;
    }
}
