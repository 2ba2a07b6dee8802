package org.gongzhi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * A test that launches the packaged application as its own process with its own embedded database (the README's
 * default run, a power cut, the production one-shot commands). {@link LaunchedApplication} clears {@code GONGZHI_*}
 * from the child's environment, so such a test never touches the database the suite is pointed at; when the suite runs
 * again against another PostgreSQL ({@code GONGZHI_DB_URL} set, as in CI's second pass) it would repeat the first
 * pass unchanged, and is left out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfEnvironmentVariable(
        named = "GONGZHI_DB_URL",
        matches = ".+",
        disabledReason = "launches its own embedded database; the run on GONGZHI_DB_URL would repeat it unchanged")
public @interface OwnEmbeddedDatabase {}
