package org.gongzhi.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violation;

/**
 * Limits on uploaded files, checked before any parser sees them. An .xlsx (or any ZIP-based) file is inflated once,
 * counting bytes and entries without keeping them, so that a small file that would inflate to gigabytes (a "zip
 * bomb") is refused before it can exhaust memory. The entries are found the way the workbook reader finds them —
 * from the central directory at the end of the file — so bytes put before the archive cannot hide them: 422 with {@code upload.inflated-too-large} or
 * {@code upload.too-many-entries}, at location {@code file}. Files larger than the multipart limit never get here
 * (413).
 */
public final class UploadLimits {

    /** What one spreadsheet may inflate to: a register of 50,000 rows is well under 40 MiB of XML. */
    public static final long MAX_INFLATED_BYTES = 64L * 1024 * 1024;

    public static final int MAX_ENTRIES = 1_000;

    private UploadLimits() {}

    /** Reads the whole upload (already bounded by the multipart limit) and checks it as an archive. */
    public static byte[] readArchive(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        requireInflatedAtMost(bytes, MAX_INFLATED_BYTES, MAX_ENTRIES);
        return bytes;
    }

    /** Refuses an archive whose entries inflate to more than {@code maxBytes} in all, or that has too many entries. */
    public static void requireInflatedAtMost(byte[] archive, long maxBytes, int maxEntries) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(archive))
                .get()) {
            var all = zip.getEntries();
            while (all.hasMoreElements()) {
                ZipArchiveEntry entry = all.nextElement();
                if (++entries > maxEntries) {
                    throw refused("upload.too-many-entries", maxEntries);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while (in != null && (n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > maxBytes) {
                            throw refused("upload.inflated-too-large", maxBytes / (1024 * 1024));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException refusal) {
                throw refusal;
            }
            // Not an archive, or a damaged one: the parser will say so in its own words.
        }
    }

    private static DomainException refused(String code, Object limit) {
        return new DomainException(
                ErrorKind.UNPROCESSABLE, "request.invalid", List.of(1), List.of(Violation.of("file", code, limit)));
    }
}
