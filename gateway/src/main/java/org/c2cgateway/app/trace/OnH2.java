package org.c2cgateway.app.trace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/**
 * A trace store repository's H2 variant, the bean when {@code datasources.default.dialect} is H2 (the default).
 * Micronaut Data writes a repository's SQL for the dialect of its annotation, at compile time; so each
 * repository is an interface without one and two nested variants, {@link OnH2} and {@link OnPostgres}, of which
 * the configuration picks one: the database is chosen by configuration only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@JdbcRepository(dialect = Dialect.H2)
@Requires(property = OnH2.DIALECT, pattern = "(?i)H2", defaultValue = "H2")
public @interface OnH2 {

    /** The setting that picks the trace store's database: H2 or POSTGRES. */
    String DIALECT = "datasources.default.dialect";
}
