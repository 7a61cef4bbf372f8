-- Staging tables of the consolidation job (HSQLDB). CACHED tables live on disk, not in the heap.
-- What a run registered carries its run id (the job instance). Imported rows carry their rows
-- key instead (see ta_submission_rows): the run and submission id of the import that read them,
-- so that a restarted run finds its own rows and a later run can read the rows of an unchanged
-- file where they are.
SET FILES WRITE DELAY FALSE;
-- No automatic checkpoint: it waits for every open transaction, and could deadlock with Spring
-- Batch's own locks between import partitions. The job checkpoints after each step instead
-- (CheckpointBetweenSteps).
SET FILES LOG SIZE 0;
-- Results larger than this many rows (sorts, groupings) are kept on disk, not in the heap.
SET DATABASE DEFAULT RESULT MEMORY ROWS 10000;

CREATE CACHED TABLE IF NOT EXISTS ta_submission (
    run_id            BIGINT        NOT NULL,
    submission_id     INTEGER       NOT NULL,
    relative_path     VARCHAR(4000) NOT NULL,
    size_bytes        BIGINT,
    fingerprint       VARCHAR(64),
    status            VARCHAR(20)   NOT NULL,
    reason            VARCHAR(4000),
    member_state      VARCHAR(10),
    reporting_entity  VARCHAR(10),
    submitter         VARCHAR(10),
    member_state_raw  VARCHAR(1000),
    entity_raw        VARCHAR(1000),
    period_from       INTEGER,
    period_to         INTEGER,
    submission_date   DATE,
    revision          INTEGER,
    template_version  VARCHAR(50),
    PRIMARY KEY (run_id, submission_id)
);

CREATE CACHED TABLE IF NOT EXISTS ta_submission_year (
    run_id         BIGINT      NOT NULL,
    submission_id  INTEGER     NOT NULL,
    report_year    INTEGER     NOT NULL,
    status         VARCHAR(20) NOT NULL,
    superseded_by  INTEGER,
    PRIMARY KEY (run_id, submission_id, report_year)
);

-- The staged data rows (Indicators, Modus operandi, Routes sheets), in blocks: one database row
-- per import chunk, table and year holds that chunk's rows of the table and year, encoded and
-- deflated (RowBlockCodec), in the sheet's order (RowTable). One database row per sheet row
-- cost HSQLDB several times what reading the workbooks costs; a block costs it one row. Keyed
-- by the rows key (run_id, submission_id: the import that read them, see ta_submission_rows);
-- first_row is the block's smallest sheet row, unique within an import's table and year.
-- flagged: modus operandi without a code, routes with a problem.
CREATE CACHED TABLE IF NOT EXISTS ta_row_block (
    run_id         BIGINT             NOT NULL,
    submission_id  INTEGER            NOT NULL,
    row_table      VARCHAR(20)        NOT NULL,
    report_year    INTEGER            NOT NULL,
    first_row      INTEGER            NOT NULL,
    row_count      INTEGER            NOT NULL,
    flagged        INTEGER            NOT NULL,
    rows_data      VARBINARY(16777216) NOT NULL,
    PRIMARY KEY (run_id, submission_id, row_table, report_year, first_row)
);

-- Rows that are neither data nor errors: blank rows and total rows, kept for the accounting.
CREATE CACHED TABLE IF NOT EXISTS ta_passed_row (
    run_id         BIGINT       NOT NULL,
    submission_id  INTEGER      NOT NULL,
    sheet          VARCHAR(40)  NOT NULL,
    sheet_row      INTEGER      NOT NULL,
    kind           VARCHAR(10)  NOT NULL,
    PRIMARY KEY (run_id, submission_id, sheet, sheet_row)
);

CREATE CACHED TABLE IF NOT EXISTS ta_data_quality (
    run_id         BIGINT         NOT NULL,
    submission_id  INTEGER,
    file_path      VARCHAR(4000)  NOT NULL,
    sheet          VARCHAR(100),
    cell           VARCHAR(20),
    sheet_row      INTEGER,
    bad_value      VARCHAR(32767),
    reason         VARCHAR(4000)  NOT NULL,
    row_rejected   BOOLEAN        NOT NULL
);
CREATE INDEX IF NOT EXISTS ta_data_quality_run ON ta_data_quality (run_id, submission_id);

-- Which reference data (fingerprint) normalised the staged rows of each import (rows key), so that the
-- normaliseStaged step re-normalises only what was normalised with other reference data.
CREATE CACHED TABLE IF NOT EXISTS ta_normalised_with (
    run_id         BIGINT       NOT NULL,
    submission_id  INTEGER      NOT NULL,
    fingerprint    VARCHAR(200) NOT NULL,
    PRIMARY KEY (run_id, submission_id, fingerprint)
);

-- Where each accepted submission's staged rows are (its rows key): the run and the submission id
-- of the import that read them. Row tables (ta_row_block ... ta_row_count) are keyed by it, not
-- by the run that reads them: a submission whose file is unchanged since the last completed run
-- keeps that run's rows key, so an unchanged night neither reads the file nor copies its rows.
CREATE CACHED TABLE IF NOT EXISTS ta_submission_rows (
    run_id           BIGINT   NOT NULL,
    submission_id    INTEGER  NOT NULL,
    rows_run         BIGINT   NOT NULL,
    rows_submission  INTEGER  NOT NULL,
    PRIMARY KEY (run_id, submission_id)
);
CREATE INDEX IF NOT EXISTS ta_submission_rows_key ON ta_submission_rows (rows_run, rows_submission);

-- Registration no longer reads the data sheets, so it has no merged ranges to hand on (a
-- database of an earlier version may still have this table).
DROP TABLE ta_sheet_merge IF EXISTS;

-- The staged rows of each import counted by year and table once they are final (row_table:
-- indicator, modus_operandi, route, blank, total, rejected; flagged: modus operandi without a
-- code, routes with a problem), so that the overview, the submissions sheet and the run summary
-- need not count the large tables. The import adds one row per chunk, year and table (summed
-- when read); a re-normalisation counts afresh.
CREATE CACHED TABLE IF NOT EXISTS ta_row_count (
    run_id         BIGINT       NOT NULL,
    submission_id  INTEGER      NOT NULL,
    report_year    INTEGER      NOT NULL,
    row_table      VARCHAR(20)  NOT NULL,
    row_count      BIGINT       NOT NULL,
    flagged        BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS ta_row_count_key ON ta_row_count (run_id, submission_id);

-- Incremental nights (docs/operations.md): an accepted submission whose file (path and SHA-256)
-- equals one of the last completed run is not read again; it reads that run's staged rows in
-- place (ta_submission_rows). One row per reused submission, for the run summary.
CREATE CACHED TABLE IF NOT EXISTS ta_reused_submission (
    run_id           BIGINT   NOT NULL,
    submission_id    INTEGER  NOT NULL,
    from_run         BIGINT   NOT NULL,
    from_submission  INTEGER  NOT NULL,
    PRIMARY KEY (run_id, submission_id)
);

-- The workbook a completed run left in place: its SHA-256 and the combined fingerprint of the
-- inputs it was written from. A later run with the same inputs finds the workbook current and
-- does not write it again. written_by_run is the run that actually wrote the file.
-- import_fingerprint: the reference data the run's import decided with (ReferenceData.importFingerprint);
-- a later run reuses this run's staged rows only when its own is the same. reference_key: the
-- reference data and matching settings the run's staged rows were normalised with; rows copied
-- into a run with the same key need no re-normalisation.
CREATE CACHED TABLE IF NOT EXISTS ta_run_output (
    run_id              BIGINT         NOT NULL PRIMARY KEY,
    inputs_fingerprint  VARCHAR(64)    NOT NULL,
    workbook_path       VARCHAR(4000)  NOT NULL,
    workbook_sha256     VARCHAR(64)    NOT NULL,
    written_by_run      BIGINT         NOT NULL,
    import_fingerprint  VARCHAR(64)    NOT NULL,
    reference_key       VARCHAR(200)   NOT NULL
);
