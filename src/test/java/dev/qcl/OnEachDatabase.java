package dev.qcl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a test once per supported job repository, with the {@link TestDatabase.Kind} as its parameter;
 * the PostgreSQL run is skipped, and reported as skipped, when no PostgreSQL is configured.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@EnumSource(TestDatabase.Kind.class)
public @interface OnEachDatabase {}
