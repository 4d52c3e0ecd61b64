-- One run at a time per series (a --run-label; a validate series apart) on a job repository that
-- several machines share. SERIES is the hex SHA-256 of the series' name. The lock itself: on PostgreSQL
-- an advisory lock of the holder's session; on other databases (H2) the series' row of
-- QCL_RUN_SERIES_LOCK, locked by a transaction that the holder keeps open for the run's life. Either
-- ends with the holder's connection, so a killed process blocks no one.
CREATE TABLE QCL_RUN_SERIES_LOCK (
    SERIES VARCHAR(64) NOT NULL PRIMARY KEY);

-- Who holds a series' lock (process, host, command, since when), for the message of a run refused
-- meanwhile; written once the lock is taken, removed when it is given back. A holder that was killed
-- leaves its row, which the next holder overwrites.
CREATE TABLE QCL_RUN_SERIES (
    SERIES VARCHAR(64) NOT NULL PRIMARY KEY,
    HOLDER VARCHAR(1000) NOT NULL);
