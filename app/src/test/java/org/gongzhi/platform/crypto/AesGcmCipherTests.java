package org.gongzhi.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmCipherTests {

    static byte[] key(long seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return k;
    }

    final AesGcmCipher cipher = new AesGcmCipher(key(1), key(2));

    @Test
    void a_value_comes_back_and_never_shows_in_its_token() {
        String token = cipher.encrypt("resident.phone", "13812341234");
        assertThat(token).startsWith("a1:").doesNotContain("13812341234").doesNotContain("1234");
        assertThat(cipher.decrypt("resident.phone", token)).isEqualTo("13812341234");
    }

    @Test
    void the_same_value_encrypts_differently_every_time() {
        assertThat(cipher.encrypt("resident.phone", "13812341234"))
                .isNotEqualTo(cipher.encrypt("resident.phone", "13812341234"));
    }

    @Test
    void an_altered_token_a_token_of_another_field_and_another_key_are_refused() {
        String token = cipher.encrypt("resident.phone", "13812341234");
        byte[] raw = Base64.getDecoder().decode(token.substring(3));
        raw[raw.length / 2] ^= 1;
        String altered = "a1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt("resident.phone", altered))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("resident.id-number", token))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AesGcmCipher(key(3), key(2)).decrypt("resident.phone", token))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lookup_hashes_are_stable_per_purpose_and_need_the_key() {
        String h = cipher.lookupHash("resident.phone", "13812341234");
        assertThat(h).hasSize(64).isEqualTo(cipher.lookupHash("resident.phone", "13812341234"));
        assertThat(h).isNotEqualTo(cipher.lookupHash("resident.id-number", "13812341234"));
        assertThat(h).isNotEqualTo(new AesGcmCipher(key(1), key(4)).lookupHash("resident.phone", "13812341234"));
    }

    @Test
    void keys_must_be_256_bits() {
        assertThatThrownBy(() -> new AesGcmCipher(new byte[16], key(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void local_keys_are_made_once_kept_private_and_read_back(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/keys.properties");
        Properties first = CryptoConfiguration.localKeys(file);
        assertThat(Base64.getDecoder().decode(first.getProperty("data"))).hasSize(32);
        assertThat(first.getProperty("data")).isNotEqualTo(first.getProperty("lookup"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(CryptoConfiguration.localKeys(file)).isEqualTo(first);
    }

    @Test
    void production_refuses_to_start_without_configured_keys(@TempDir Path dir) {
        var prod = new org.springframework.mock.env.MockEnvironment();
        prod.setActiveProfiles("prod");
        var none =
                new CryptoProperties(null, null, dir.resolve("keys.properties").toString());
        assertThatThrownBy(() -> new CryptoConfiguration().personalDataCipher(none, prod))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GONGZHI_DATA_KEY");
        assertThat(Files.exists(dir.resolve("keys.properties"))).isFalse();
    }
}
