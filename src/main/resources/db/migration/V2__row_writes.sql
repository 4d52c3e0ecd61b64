-- What a run wrote to the tenant, row by row, stored outside the chunk transaction as soon as the
-- tenant answers (and, as SENDING, just before a create or update goes out), so that a restart
-- records CREATED or UPDATED for the rows of a chunk that was interrupted after they were written.
CREATE TABLE QCL_ROW_WRITE (
    RUN_ID BIGINT NOT NULL,
    ROW_NUM INTEGER NOT NULL,
    STATUS VARCHAR(16) NOT NULL,
    CONNECTION_ID VARCHAR(64) NOT NULL,
    HTTP_STATUS INTEGER,
    ATTEMPTS INTEGER NOT NULL,
    MESSAGE VARCHAR(4000) NOT NULL,
    PRIMARY KEY (RUN_ID, ROW_NUM));
