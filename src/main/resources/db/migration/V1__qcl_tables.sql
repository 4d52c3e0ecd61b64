-- qcl's own tables as qcl 0.1 created them in code (CREATE TABLE IF NOT EXISTS at start-up).
-- IF NOT EXISTS here too: a job repository made by that version already has them, and Flyway
-- baselines such a database at version 0 so that this script runs, changes nothing, and every
-- later version applies. Keep this file as it is; change the schema in a new version.

-- one result per input row and run, stored in the transaction of the chunk that processed it
CREATE TABLE IF NOT EXISTS QCL_ROW_RESULT (
    RUN_ID BIGINT NOT NULL,
    ROW_NUM INTEGER NOT NULL,
    Q_NAME VARCHAR(1024) NOT NULL,
    SPACE VARCHAR(1024) NOT NULL,
    DATA_SOURCE_ID VARCHAR(256) NOT NULL,
    STATUS VARCHAR(16) NOT NULL,
    CONNECTION_ID VARCHAR(64) NOT NULL,
    HTTP_STATUS INTEGER,
    ATTEMPTS INTEGER NOT NULL,
    MESSAGE VARCHAR(4000) NOT NULL,
    PRIMARY KEY (RUN_ID, ROW_NUM));

-- counts per status and the problem rows of a run are read by every report
CREATE INDEX IF NOT EXISTS QCL_ROW_RESULT_STATUS ON QCL_ROW_RESULT (RUN_ID, STATUS, ROW_NUM);

-- the run's timeline: rows done and 429s received, sampled every few seconds
CREATE TABLE IF NOT EXISTS QCL_RUN_SAMPLE (
    RUN_ID BIGINT NOT NULL,
    AT_MS BIGINT NOT NULL,
    ROWS_DONE BIGINT NOT NULL,
    THROTTLED BIGINT NOT NULL);

-- salted fingerprints of the secrets qcl last wrote per connection and property
CREATE TABLE IF NOT EXISTS QCL_SECRET_FINGERPRINT (
    CONNECTION_ID VARCHAR(64) NOT NULL,
    PROPERTY VARCHAR(256) NOT NULL,
    FINGERPRINT VARCHAR(64) NOT NULL,
    PRIMARY KEY (CONNECTION_ID, PROPERTY));

CREATE TABLE IF NOT EXISTS QCL_SETTING (
    NAME VARCHAR(64) NOT NULL PRIMARY KEY,
    SETTING_VALUE VARCHAR(256) NOT NULL);
