package org.gongzhi.platform.web;

import com.fasterxml.jackson.annotation.Nulls;
import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.gongzhi.shared.Dates;
import org.gongzhi.shared.Text;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text enters through three doors — JSON bodies, form fields and query parameters — and is normalised at each the same
 * way ({@link Text#strip}) before any rule sees it. A JSON string holding a NUL or another control character (other
 * than tab and line breaks) is refused there, naming the field; parameters are checked by {@link RequestTextFilter}.
 */
@Configuration(proxyBeanMethods = false)
class TextBoundary {

    /** Marks the Jackson refusal so that the error handler can name it precisely. */
    static final String CONTROL_CHARACTER = "control character";

    /** Marks a date outside {@link Dates#FIRST_DAY} … {@link Dates#LAST_DAY}. */
    static final String DATE_RANGE = "date outside the plausible range";

    /**
     * JSON is read strictly: a null inside a list or map ({@code "parties":[null]}), a key given twice, a number for an
     * enum ({@code "cadence":2}), a fraction for a whole number ({@code "number":1.5}) or a number or boolean for text
     * is refused where it is read, naming its place — never silently coerced.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.changeDefaultNullHandling(h -> h.withContentNulls(Nulls.FAIL))
                .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(tools.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        tools.jackson.databind.type.LogicalType.Textual,
                        text -> text.setCoercion(
                                        tools.jackson.databind.cfg.CoercionInputShape.Integer,
                                        tools.jackson.databind.cfg.CoercionAction.Fail)
                                .setCoercion(
                                        tools.jackson.databind.cfg.CoercionInputShape.Float,
                                        tools.jackson.databind.cfg.CoercionAction.Fail)
                                .setCoercion(
                                        tools.jackson.databind.cfg.CoercionInputShape.Boolean,
                                        tools.jackson.databind.cfg.CoercionAction.Fail));
    }

    @Bean
    JacksonModule textModule() {
        return new SimpleModule("gongzhi-text")
                .addDeserializer(String.class, new StrippingStringDeserializer())
                .addDeserializer(LocalDate.class, new PlausibleDateDeserializer());
    }

    /** A date no record can carry (year -999999999, 9999-12-31) is refused where it is read, naming the field. */
    static final class PlausibleDateDeserializer extends LocalDateDeserializer {

        PlausibleDateDeserializer() {
            super(DateTimeFormatter.ISO_LOCAL_DATE);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            LocalDate date = super.deserialize(p, ctxt);
            if (date != null && !Dates.plausible(date)) {
                throw ctxt.weirdStringException(date.toString(), LocalDate.class, DATE_RANGE);
            }
            return date;
        }
    }

    /** Secrets are taken exactly as typed: a space at the end of a password is part of it. */
    static boolean secret(String name) {
        String n = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        return n.contains("password") || n.contains("secret");
    }

    static final class StrippingStringDeserializer extends StringDeserializer {

        private final boolean strip;

        StrippingStringDeserializer() {
            this(true);
        }

        private StrippingStringDeserializer(boolean strip) {
            this.strip = strip;
        }

        @Override
        public tools.jackson.databind.ValueDeserializer<?> createContextual(
                DeserializationContext ctxt, tools.jackson.databind.BeanProperty property) {
            return property != null && secret(property.getName()) ? new StrippingStringDeserializer(false) : this;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (Text.hasForbiddenControl(value)) {
                throw ctxt.weirdStringException("…", String.class, CONTROL_CHARACTER);
            }
            return strip ? Text.strip(value) : value;
        }
    }

    /** Form fields and query parameters bound to strings are stripped of blanks of every kind. */
    @ControllerAdvice
    static class FormText {

        /**
         * Dates in request parameters (the audit log's {@code from} and {@code to} …) are ISO dates within {@link Dates#FIRST_DAY} …
         * {@link Dates#LAST_DAY}; anything else is a 400 naming the parameter, like a date in a JSON body.
         */
        @InitBinder
        void dates(WebDataBinder binder) {
            binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    String s = Text.stripToNull(text);
                    if (s == null) {
                        setValue(null);
                        return;
                    }
                    LocalDate date;
                    try {
                        date = LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException("not an ISO date", e);
                    }
                    if (!Dates.plausible(date)) {
                        throw new IllegalArgumentException("date outside the plausible range");
                    }
                    setValue(date);
                }

                @Override
                public String getAsText() {
                    return getValue() == null ? "" : getValue().toString();
                }
            });
        }

        @InitBinder
        void strip(WebDataBinder binder) {
            // A request parameter's binder carries the parameter's name: a password parameter is left as typed.
            if (secret(binder.getObjectName())) {
                return;
            }
            binder.registerCustomEditor(String.class, "password", new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    setValue(text);
                }
            });
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    setValue(Text.strip(text));
                }

                @Override
                public String getAsText() {
                    Object value = getValue();
                    return value == null ? "" : value.toString();
                }
            });
        }
    }
}
