-- The results of plain rows (CREATED and SKIPPED, and a dry run's CREATE and SKIP) are stored as blocks:
-- one table row per chunk and status, its rows written one after another in BODY. Nothing looks one of
-- them up by itself (reports and reruns read problem rows, updates and deletions, which stay one table
-- row each in QCL_ROW_RESULT), and an insert with two index entries and an undo log entry per row was
-- most of the time a large dry run took. Still written in the chunk's transaction.
--
-- BODY holds, per row in row order: ROW_NUM ';' HTTP_STATUS (empty when none) ';' ATTEMPTS ';' and then
-- Q_NAME, SPACE, DATA_SOURCE_ID, CONNECTION_ID and MESSAGE, each as its length in characters, ':' and
-- the text (so any character may appear in a text, and no separator follows it). Row 12, answered 201
-- at the first attempt, named pg-12 in space-1, of data source postgres, connection c-12, no message:
--   12;201;1;5:pg-127:space-18:postgres4:c-120:
-- FIRST_ROW and LAST_ROW are its first and last row. A block holds rows of one chunk and one status;
-- a chunk's rows of one status take several blocks when they are long.
CREATE TABLE QCL_RESULT_BLOCK (
    RUN_ID BIGINT NOT NULL,
    FIRST_ROW INTEGER NOT NULL,
    LAST_ROW INTEGER NOT NULL,
    STATUS VARCHAR(16) NOT NULL,
    ROW_COUNT INTEGER NOT NULL,
    BODY VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (RUN_ID, FIRST_ROW));

-- a run's counts per status are read from here, without reading the blocks' bodies
CREATE INDEX QCL_RESULT_BLOCK_COUNT ON QCL_RESULT_BLOCK (RUN_ID, STATUS, ROW_COUNT);
