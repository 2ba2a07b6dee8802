package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-facing text exists in Chinese and English, and every key the code or a page names is in the bundles. */
class MessageBundleTests {

    static final String[] BUNDLES = {
        "platform",
        "territory",
        "organization",
        "identity",
        "appeal",
        "dispatch",
        "notification",
        "open311",
        "indicator",
        "listing"
    };

    static Properties load(String locale) throws IOException {
        Properties all = new Properties();
        for (String bundle : BUNDLES) {
            try (InputStream in =
                    MessageBundleTests.class.getResourceAsStream("/i18n/" + bundle + "_" + locale + ".properties")) {
                Properties p = new Properties() {
                    // Within one file too: a key written twice silently keeps only its last text.
                    @Override
                    public synchronized Object put(Object key, Object value) {
                        assertThat(containsKey(key))
                                .as("key %s written twice in %s_%s", key, bundle, locale)
                                .isFalse();
                        return super.put(key, value);
                    }
                };
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String key : p.stringPropertyNames()) {
                    assertThat(all.containsKey(key))
                            .as("key %s defined twice", key)
                            .isFalse();
                }
                all.putAll(p);
            }
        }
        return all;
    }

    @Test
    void chinese_and_english_have_the_same_keys_and_no_empty_text() throws IOException {
        Properties zh = load("zh_CN");
        Properties en = load("en");
        assertThat(new TreeSet<>(zh.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        zh.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
    }

    @Test
    void every_message_code_in_the_source_and_every_key_on_a_page_is_defined() throws IOException {
        Properties zh = load("zh_CN");
        Set<String> missing = new TreeSet<>();
        Pattern code = Pattern.compile(
                "\"((?:territory|organization|geometry|geojson|credit-code|phone|id-number|request|import|http|council|list|identity|scope|personal-data|audit|security|appeal|idempotency|time-limit|dispatch|notification|calendar)\\.[a-z0-9.-]*[a-z0-9])\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(f));
                while (m.find()) {
                    if (!zh.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " in " + f.getFileName());
                    }
                }
            }
        }
        Pattern pageKey = Pattern.compile("#\\{([a-zA-Z0-9.-]+)[}(]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = pageKey.matcher(Files.readString(f));
                while (m.find()) {
                    if (!zh.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " in " + f.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
