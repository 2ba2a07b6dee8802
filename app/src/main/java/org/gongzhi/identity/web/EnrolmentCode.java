package org.gongzhi.identity.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** The TOTP enrolment URI as a QR code, inlined as a PNG data URI so it never sits at an address. */
final class EnrolmentCode {

    private EnrolmentCode() {}

    static String dataUri(String otpauthUri) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(otpauthUri, BarcodeFormat.QR_CODE, 240, 240, Map.of(EncodeHintType.MARGIN, 2));
            BufferedImage image =
                    new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode the enrolment URI", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
