package org.c2cgateway.app.trace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

/** A trace store repository's PostgreSQL variant, the bean when {@code datasources.default.dialect} is POSTGRES (see {@link OnH2}). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@JdbcRepository(dialect = Dialect.POSTGRES)
@Requires(property = OnH2.DIALECT, pattern = "(?i)POSTGRES")
public @interface OnPostgres {
}
