package org.gongzhi.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data, Base64 of 32 random bytes each: {@code GONGZHI_DATA_KEY} encrypts,
 * {@code GONGZHI_LOOKUP_KEY} hashes for lookup. Without them, outside production, keys are generated once and kept in
 * {@code keyFile} beside the embedded database; production refuses to start without them.
 */
@ConfigurationProperties("gongzhi.crypto")
public record CryptoProperties(String dataKey, String lookupKey, String keyFile) {

    public CryptoProperties {
        if (keyFile == null || keyFile.isBlank()) {
            keyFile = "data/keys.properties";
        }
    }
}
