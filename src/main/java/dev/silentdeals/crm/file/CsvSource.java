package dev.silentdeals.crm.file;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.silentdeals.crm.http.CrmUnavailableException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * One CSV file named by a Spring resource location: {@code classpath:sample/deals.csv}, {@code file:/data/deals.csv}
 * or a plain path ({@code /data/deals.csv}, {@code ./deals.csv}), which is always a file-system path here (Spring's
 * default loader would look for it on the classpath). Content must be UTF-8; a leading BOM is tolerated later.
 * It is read in pieces from an offset, never whole.
 */
record CsvSource(String role, String location, ResourceLoader loader) {

    /**
     * The file from {@code offset} on; a file on disk is opened there, anything else is skipped to it.
     *
     * @throws CrmUnavailableException naming the file when it is missing or unreadable
     */
    InputStream open(long offset) {
        Resource resource = resource();
        if (!resource.exists()) {
            throw unavailable("does not exist");
        }
        try {
            if (resource.isFile()) {
                SeekableByteChannel channel = Files.newByteChannel(resource.getFile().toPath());
                channel.position(offset);
                return Channels.newInputStream(channel);
            }
            InputStream in = resource.getInputStream();
            in.skipNBytes(offset);
            return in;
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw unavailable("does not exist");
        } catch (IOException e) {
            throw unavailable("cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The first {@code length} bytes as text, refused unless they are valid UTF-8. */
    String decode(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw unavailable("is not UTF-8 text; save it as CSV UTF-8");
        }
    }

    /**
     * Size and modification time, read without opening the file: changes when the file is rewritten, so a pass
     * that reads it page by page notices an edit between two pages.
     */
    String stamp() {
        Resource resource = resource();
        if (!resource.exists()) {
            throw unavailable("does not exist");
        }
        try {
            return resource.contentLength() + "." + resource.lastModified();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** SHA-256 of the whole content, read through a small buffer. */
    byte[] sha256() {
        try (InputStream in = open(0)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return digest.digest();
        } catch (IOException e) {
            throw unavailable("cannot be read (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
