package org.gongzhi.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.gongzhi.platform.PersonalDataCipher;

/**
 * AES-256-GCM with a random 96-bit nonce per value and the purpose as associated data; tokens read
 * {@code a1:<base64(nonce | ciphertext | tag)>}. Lookup hashes are HMAC-SHA256 over purpose and value with a second
 * key, so the encryption key never doubles as a hashing key.
 */
final class AesGcmCipher implements PersonalDataCipher {

    static final String PREFIX = "a1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec dataKey;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();

    AesGcmCipher(byte[] dataKey, byte[] lookupKey) {
        if (dataKey.length != 32 || lookupKey.length != 32) {
            throw new IllegalArgumentException("Personal data keys must be 32 bytes (256 bits) each");
        }
        this.dataKey = new SecretKeySpec(dataKey, "AES");
        this.lookupKey = new SecretKeySpec(lookupKey, "HmacSHA256");
    }

    @Override
    public String encrypt(String purpose, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
            aes.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String decrypt(String purpose, String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a token of this cipher");
        }
        try {
            byte[] all = Base64.getDecoder().decode(token.substring(PREFIX.length()));
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            aes.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(aes.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The token was altered, or belongs to another purpose or key", e);
        }
    }

    @Override
    public String lookupHash(String purpose, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
