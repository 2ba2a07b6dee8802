package org.gongzhi.appeal.domain;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.apache.tika.Tika;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violation;

/**
 * Makes an uploaded photo safe to keep and show (issue 8, Photos). Its type is read from the bytes (Apache Tika), never
 * from the name or the Content-Type the client sent: only JPEG and PNG are taken. Its size in pixels is read before
 * decoding, so a small file that would decode to gigabytes is refused. It is turned upright by its EXIF orientation,
 * scaled to at most {@link #MAX_EDGE} pixels on the long edge and re-encoded as a new JPEG from the pixels alone — so no
 * metadata survives: no EXIF, no GPS position, no camera serial, nothing hidden after the image data. Refusals are 422
 * naming the field: {@code appeal.photo.too-large}, {@code appeal.photo.not-an-image}, {@code appeal.photo.too-many-pixels}.
 */
public final class PhotoCleaner {

    /** The largest upload taken, in bytes (10 MiB). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The most pixels decoded (40 megapixels: any phone camera, not a decompression bomb). */
    public static final long MAX_PIXELS = 40_000_000L;

    /** The long edge of a kept photo, in pixels. */
    public static final int MAX_EDGE = 2048;

    private static final Set<String> TAKEN = Set.of("image/jpeg", "image/png");
    private static final Tika TIKA = new Tika();

    /** A cleaned photo: always {@code image/jpeg}. */
    public record Photo(int width, int height, byte[] bytes) {}

    private PhotoCleaner() {}

    public static Photo clean(byte[] raw, String field) {
        if (raw.length > MAX_BYTES) {
            throw refused(field, "appeal.photo.too-large", MAX_BYTES / (1024 * 1024));
        }
        if (raw.length == 0 || !TAKEN.contains(TIKA.detect(raw))) {
            throw refused(field, "appeal.photo.not-an-image");
        }
        BufferedImage decoded = decode(raw, field);
        // Scaled first (the long edge is the long edge either way up), then turned: the turn works on the small image.
        BufferedImage upright = upright(scaled(decoded), orientation(raw));
        return new Photo(upright.getWidth(), upright.getHeight(), jpeg(upright));
    }

    private static BufferedImage decode(byte[] raw, String field) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(raw))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw refused(field, "appeal.photo.not-an-image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw refused(field, "appeal.photo.too-many-pixels", MAX_PIXELS / 1_000_000);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw refused(field, "appeal.photo.not-an-image");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw refused(field, "appeal.photo.not-an-image");
        }
    }

    /** The EXIF orientation (1–8), or 1 when there is none or it cannot be read. */
    private static int orientation(byte[] raw) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(raw));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            // No readable metadata: the pixels as stored are upright.
        }
        return 1;
    }

    /**
     * The image as a person holding the camera saw it: EXIF orientation 2 flips it left–right, 3 turns it half round, 4
     * flips it top–bottom, 5 transposes it, 6 turns it a quarter clockwise, 7 transverses it, 8 turns it a quarter
     * anticlockwise; 1 (or anything else) leaves it.
     */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5;
        int ow = turned ? h : w;
        int oh = turned ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> {
                        sx = w - 1 - x;
                        sy = y;
                    }
                    case 3 -> {
                        sx = w - 1 - x;
                        sy = h - 1 - y;
                    }
                    case 4 -> {
                        sx = x;
                        sy = h - 1 - y;
                    }
                    case 5 -> {
                        sx = y;
                        sy = x;
                    }
                    case 6 -> {
                        sx = y;
                        sy = h - 1 - x;
                    }
                    case 7 -> {
                        sx = w - 1 - y;
                        sy = h - 1 - x;
                    }
                    default -> {
                        sx = w - 1 - y;
                        sy = x;
                    }
                }
                out.setRGB(x, y, image.getRGB(sx, sy));
            }
        }
        return out;
    }

    private static BufferedImage scaled(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) MAX_EDGE / Math.max(w, h));
        int sw = Math.max(1, (int) Math.round(w * factor));
        int sh = Math.max(1, (int) Math.round(h * factor));
        BufferedImage out = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        // A transparent PNG lies on white, not black.
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sw, sh);
        g.drawImage(image, 0, 0, sw, sh, null);
        g.dispose();
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            // No metadata is given, so none is written beyond the codec's own header.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("re-encoding a decoded image failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static DomainException refused(String field, String code, Object... args) {
        return new DomainException(
                ErrorKind.UNPROCESSABLE,
                code,
                java.util.List.of(args),
                java.util.List.of(Violation.of(field, code, args)));
    }
}
