-- Jobs of the job engine (eu.candela.ows.jobs). Runs unchanged on H2 2.x and PostgreSQL 15.
-- Times are UTC instants at millisecond precision; texts are unbounded.
CREATE TABLE jobs (
    job_id            VARCHAR(36)              NOT NULL PRIMARY KEY,
    process_id        VARCHAR(255)             NOT NULL,
    owner             VARCHAR(255)             NOT NULL,
    state             VARCHAR(16)              NOT NULL,
    percent_completed INTEGER                  NOT NULL,
    message           TEXT,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    inputs            TEXT                     NOT NULL,
    outputs           TEXT,
    front_request     TEXT,
    CONSTRAINT jobs_state_check CHECK (state IN ('accepted', 'running', 'successful', 'failed', 'dismissed')),
    CONSTRAINT jobs_percent_check CHECK (percent_completed BETWEEN 0 AND 100)
);

CREATE INDEX jobs_state_idx ON jobs (state);
CREATE INDEX jobs_owner_created_idx ON jobs (owner, created_at);
