-- The HTTP requests, retries and 429s of each execution of a run (what its process sent for the run,
-- the reads before its job included), kept outside any chunk's transaction and brought up to date as
-- the requests go out: a killed execution's requests after its last chunk count too. A run's summary
-- adds up its executions. Runs recorded before this table kept their counts in the steps' contexts.
CREATE TABLE QCL_HTTP_COUNT (
    JOB_EXECUTION_ID BIGINT NOT NULL PRIMARY KEY,
    RUN_ID BIGINT NOT NULL,
    REQUESTS BIGINT NOT NULL,
    RETRIES BIGINT NOT NULL,
    THROTTLED BIGINT NOT NULL,
    THROTTLE_WAIT_MS BIGINT NOT NULL);

CREATE INDEX QCL_HTTP_COUNT_RUN ON QCL_HTTP_COUNT (RUN_ID);
