package org.gongzhi.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * A message argument shown in the reader's language: e.g. a kind inside an error message reads 社区 in Chinese and
 * Community in English. Resolved by the message source when the message is rendered.
 */
public record Label(String key, String fallback) implements MessageSourceResolvable {

    public static Label of(String prefix, Enum<?> value) {
        return new Label(prefix + value.name(), value.name());
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public String getDefaultMessage() {
        return fallback;
    }

    @Override
    public String toString() {
        return fallback;
    }
}
