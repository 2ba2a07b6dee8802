package org.gongzhi.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first, English available. A {@code ?lang=en} link switches and a cookie remembers the choice; without one,
 * an API client asking {@code Accept-Language: en} gets English and everyone else Chinese.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final String[] BUNDLES = {
        "classpath:i18n/platform",
        "classpath:i18n/territory",
        "classpath:i18n/organization",
        "classpath:i18n/identity",
        "classpath:i18n/appeal",
        "classpath:i18n/dispatch",
        "classpath:i18n/notification",
        "classpath:i18n/open311",
        "classpath:i18n/indicator",
        "classpath:i18n/listing"
    };

    @Bean
    MessageSource messageSource() {
        var source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(BUNDLES);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("gongzhi-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> preferred(request.getHeader("Accept-Language")));
        return resolver;
    }

    /**
     * The language an {@code Accept-Language} header (RFC 9110 §12.5.4) prefers among those we have: English only when
     * the client ranks it above Chinese with a weight above zero; anything unreadable, absent or refusing both gets
     * Chinese. The servlet container's own choice is not used: it falls back to the JVM's locale.
     */
    static Locale preferred(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException unreadable) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        // parse() sorts by weight, highest first, and keeps the header's order among equals.
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String language = range.getRange().split("-", 2)[0];
            if (language.equals("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if (language.equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
