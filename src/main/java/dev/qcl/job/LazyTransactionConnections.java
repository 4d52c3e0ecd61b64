package dev.qcl.job;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * A chunk's transaction takes its database connection only when it first runs a statement (when the
 * results are written, at the end of the chunk), not when it begins: the HTTP calls of the chunk run
 * with no connection held, so a managed PostgreSQL that ends sessions idle in a transaction (or
 * idle at all) cannot kill a long chunk, and a small pool serves many senders.
 */
final class LazyTransactionConnections implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)) {
            return new ClosingProxy(dataSource);
        }
        return bean;
    }

    /**
     * A template whose statements each commit on their own, also when they run in a thread that is
     * inside a chunk's transaction: for what must outlive a rollback (the write journal, fingerprints).
     */
    static JdbcTemplate autonomous(DataSource dataSource) {
        DataSource target =
                dataSource instanceof LazyConnectionDataSourceProxy lazy ? lazy.getTargetDataSource() : dataSource;
        return new JdbcTemplate(target);
    }

    /** The proxy closes the pool it wraps, as the pool bean itself would have been closed. */
    static final class ClosingProxy extends LazyConnectionDataSourceProxy implements AutoCloseable {
        ClosingProxy(DataSource target) {
            super(target);
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable pool) {
                pool.close();
            }
        }
    }
}
