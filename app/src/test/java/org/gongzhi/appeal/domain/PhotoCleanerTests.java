package org.gongzhi.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.gongzhi.shared.DomainException;
import org.junit.jupiter.api.Test;

/** Photos are taken by what their bytes are, re-encoded from the pixels, and keep no metadata. */
class PhotoCleanerTests {

    static byte[] encode(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    static BufferedImage sample(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 255 / Math.max(1, w - 1)) << 16 | (y * 255 / Math.max(1, h - 1)) << 8);
            }
        }
        return image;
    }

    /** A JPEG with an Exif segment holding a GPS position (北纬), put right after the start-of-image marker. */
    static byte[] withGps(byte[] jpeg) {
        ByteBuffer tiff = ByteBuffer.allocate(64);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0: one entry, GPSInfo (0x8825, LONG) → the GPS IFD at offset 26.
        tiff.putShort((short) 1)
                .putShort((short) 0x8825)
                .putShort((short) 4)
                .putInt(1)
                .putInt(26)
                .putInt(0);
        // GPS IFD: GPSLatitudeRef (1, ASCII, count 2) = "N".
        tiff.putShort((short) 1).putShort((short) 1).putShort((short) 2).putInt(2);
        tiff.put((byte) 'N').put((byte) 0).putShort((short) 0).putInt(0);
        byte[] body = java.util.Arrays.copyOf(tiff.array(), tiff.position());
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void a_phone_photo_loses_its_gps_position_and_every_other_piece_of_metadata() throws Exception {
        byte[] raw = withGps(encode(sample(64, 48), "jpg"));
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(raw));
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();

        PhotoCleaner.Photo clean = PhotoCleaner.clean(raw, "photos[0]");
        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(clean.bytes()));
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(clean.width()).isEqualTo(64);
        assertThat(ImageIO.read(new ByteArrayInputStream(clean.bytes())).getHeight())
                .isEqualTo(48);
    }

    @Test
    void a_png_is_kept_as_a_jpeg_and_a_large_one_is_scaled_to_the_long_edge() throws Exception {
        PhotoCleaner.Photo clean = PhotoCleaner.clean(encode(sample(4096, 1024), "png"), "photos[0]");
        assertThat(clean.width()).isEqualTo(PhotoCleaner.MAX_EDGE);
        assertThat(clean.height()).isEqualTo(512);
        assertThat(clean.bytes()[0] & 0xFF).isEqualTo(0xFF);
        assertThat(clean.bytes()[1] & 0xFF).isEqualTo(0xD8);
    }

    @Test
    void a_file_that_only_claims_to_be_an_image_is_refused() {
        byte[] text = "GIF89a? no, just text pretending to be a photo.jpg".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PhotoCleaner.clean(text, "photos[1]"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("appeal.photo.not-an-image");
                    assertThat(e.violations().get(0).location()).isEqualTo("photos[1]");
                });
        byte[] truncated = java.util.Arrays.copyOf(encodeQuietly(), 40);
        assertThatThrownBy(() -> PhotoCleaner.clean(truncated, "photos[0]"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("appeal.photo.not-an-image"));
        assertThatThrownBy(() -> PhotoCleaner.clean(new byte[0], "photos[0]")).isInstanceOf(DomainException.class);
    }

    static byte[] encodeQuietly() {
        try {
            return encode(sample(32, 32), "jpg");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_small_file_that_would_decode_to_gigapixels_is_refused_before_decoding() throws Exception {
        byte[] png = encode(sample(1, 1), "png");
        // Rewrite the header to claim 100,000 × 100,000 pixels (and fix its checksum): the bytes stay tiny.
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 100_000).putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        assertThatThrownBy(() -> PhotoCleaner.clean(png, "photos[0]"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("appeal.photo.too-many-pixels"));
        assertThatThrownBy(() -> PhotoCleaner.clean(new byte[PhotoCleaner.MAX_BYTES + 1], "photos[0]"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("appeal.photo.too-large"));
    }

    @Test
    void each_exif_orientation_turns_the_picture_upright() {
        // A 3 × 2 picture whose top-left pixel is marked: where it ends up shows the turn.
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        int[][] expected = {{0, 0}, {0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 2}, {0, 2}};
        for (int o = 1; o <= 8; o++) {
            BufferedImage up = PhotoCleaner.upright(image, o);
            assertThat(up.getWidth()).as("width, orientation " + o).isEqualTo(o >= 5 ? 2 : 3);
            int ex = expected[o][0];
            int ey = expected[o][1];
            assertThat(up.getRGB(ex, ey) & 0xFFFFFF)
                    .as("marked corner, orientation " + o)
                    .isEqualTo(0xFF0000);
        }
    }
}
