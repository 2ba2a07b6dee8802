package org.gongzhi.platform.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import org.gongzhi.platform.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Keys come from configuration; only outside production may they be generated and kept beside the local data. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(CryptoProperties properties, Environment environment) throws IOException {
        if (present(properties.dataKey()) && present(properties.lookupKey())) {
            return new AesGcmCipher(decode(properties.dataKey()), decode(properties.lookupKey()));
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException(
                    "Production needs GONGZHI_DATA_KEY and GONGZHI_LOOKUP_KEY (Base64 of 32 random bytes each,"
                            + " e.g. from 'openssl rand -base64 32'); personal data cannot be protected without them.");
        }
        Properties keys = localKeys(Path.of(properties.keyFile()));
        return new AesGcmCipher(decode(keys.getProperty("data")), decode(keys.getProperty("lookup")));
    }

    /** Reads the local key file, creating it with fresh random keys, readable by the owner only, on first use. */
    static Properties localKeys(Path file) throws IOException {
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                keys.load(in);
            }
            return keys;
        }
        SecureRandom random = new SecureRandom();
        for (String name : new String[] {"data", "lookup"}) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            keys.setProperty(name, Base64.getEncoder().encodeToString(key));
            Arrays.fill(key, (byte) 0);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            keys.store(out, "Personal data keys for this local installation only; never commit or copy them.");
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Could not restrict the permissions of {}", file);
        }
        log.info("Generated personal data keys in {} (development and demo only)", file.toAbsolutePath());
        return keys;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.strip());
    }
}
