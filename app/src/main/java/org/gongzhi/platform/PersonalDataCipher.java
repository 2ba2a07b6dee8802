package org.gongzhi.platform;

/**
 * Encrypts personal data at rest (phones, ID numbers) and computes keyed hashes for exact lookup (个人信息保护法, DESIGN:
 * personal data). The default implementation is AES-256-GCM with HMAC-SHA256; an SM4 implementation can replace it
 * behind this interface, and tokens say which algorithm and key made them.
 */
public interface PersonalDataCipher {

    /**
     * Encrypts {@code plaintext} for {@code purpose} (e.g. {@code resident.phone}); the purpose is bound to the token,
     * so a token cannot be moved to another field and still decrypt.
     */
    String encrypt(String purpose, String plaintext);

    /** Decrypts a token made by {@link #encrypt}; a token that was altered, or moved to another purpose, is refused. */
    String decrypt(String purpose, String token);

    /** A keyed hash of a normalised value for exact lookup; equal inputs give equal hashes, and only with the key. */
    String lookupHash(String purpose, String normalised);
}
