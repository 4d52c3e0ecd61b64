package dev.qcl.job;

import dev.qcl.TestDatabase;

/** Every {@link LoadJobTests} case again, with a fresh PostgreSQL job repository (skipped when none is configured). */
class LoadJobOnPostgresTests extends LoadJobTests {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
