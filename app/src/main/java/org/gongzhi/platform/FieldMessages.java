package org.gongzhi.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongzhi.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns violations into one message per field, in the reader's language, for forms that show errors beside inputs. */
@Component
public class FieldMessages {

    private final MessageSource messages;

    FieldMessages(MessageSource messages) {
        this.messages = messages;
    }

    public Map<String, String> byField(List<Violation> violations, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : violations) {
            errors.merge(
                    v.location(),
                    messages.getMessage(v.code(), v.args().toArray(), v.code(), locale),
                    (a, b) -> a + " " + b);
        }
        return errors;
    }
}
