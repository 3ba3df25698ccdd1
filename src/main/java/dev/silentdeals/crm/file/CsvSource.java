package dev.silentdeals.crm.file;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;

import dev.silentdeals.crm.http.CrmUnavailableException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * One CSV file named by a Spring resource location: {@code classpath:sample/deals.csv}, {@code file:/data/deals.csv}
 * or a plain path ({@code /data/deals.csv}, {@code ./deals.csv}), which is always a file-system path here (Spring's
 * default loader would look for it on the classpath). Content must be UTF-8; a leading BOM is tolerated later.
 */
record CsvSource(String role, String location, ResourceLoader loader) {

    /** @throws CrmUnavailableException naming the file when it is missing, unreadable or not UTF-8 */
    byte[] bytes() {
        Resource resource = resource();
        if (!resource.exists()) {
            throw unavailable("does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw unavailable("does not exist");
        } catch (IOException e) {
            throw unavailable("cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * The bytes as text, refused unless they are valid UTF-8. Checked through a small buffer first, so a large
     * file is never held as bytes, as a char array and as a string at once.
     */
    String text(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw unavailable("is not UTF-8 text; save it as CSV UTF-8");
            }
            out.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    CrmUnavailableException unavailable(String problem) {
        return new CrmUnavailableException("file CRM: the " + role + " file '" + location + "' " + problem);
    }

    private Resource resource() {
        if (location.startsWith("classpath:") || location.startsWith("file:")) {
            return loader.getResource(location);
        }
        return new FileSystemResource(location);
    }
}
