-- Shard retries with exponential backoff, re-runs and retries of failed jobs (issue 3, section 2).
--
-- A job carries its retry policy (RetryPolicy: attempts per shard, first and longest backoff in
-- milliseconds) and, when it is a re-run, the job it repeats. Existing jobs get the default policy.
ALTER TABLE jobs ADD COLUMN retry_max_attempts INTEGER DEFAULT 3 NOT NULL;
ALTER TABLE jobs ADD COLUMN retry_initial_backoff_ms BIGINT DEFAULT 10000 NOT NULL;
ALTER TABLE jobs ADD COLUMN retry_max_backoff_ms BIGINT DEFAULT 600000 NOT NULL;
ALTER TABLE jobs ADD COLUMN rerun_of BIGINT;
ALTER TABLE jobs ADD CONSTRAINT jobs_rerun_of_fk FOREIGN KEY (rerun_of) REFERENCES jobs (id) ON DELETE SET NULL;

-- failures: failed attempts since the shard's budget was last reset (attempts, the fencing token,
-- never goes back). not_before_ms: a pending shard backing off is not claimable before this epoch
-- millisecond (0: at once). Epoch milliseconds, like queue_rank, so the claim compares a plain number.
ALTER TABLE shards ADD COLUMN failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE shards ADD COLUMN not_before_ms BIGINT DEFAULT 0 NOT NULL;

-- The claim filters on not_before_ms while walking (state, queue_rank) in order; with the column
-- in the index the filter is answered from the index, without visiting backing-off rows' tuples.
DROP INDEX shards_claim_idx;
CREATE INDEX shards_claimable_idx ON shards (state, queue_rank, not_before_ms);

-- Every failed attempt of a shard with its error, kept when the shard is retried.
CREATE TABLE shard_failures (
    shard_id    BIGINT NOT NULL,
    attempt     INTEGER NOT NULL,
    job_id      BIGINT NOT NULL,
    shard_index INTEGER NOT NULL,
    owner       VARCHAR(200) NOT NULL,
    failed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    error       VARCHAR(4000) NOT NULL,
    -- when the shard becomes claimable again; NULL when this failure used up its attempts
    retry_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT shard_failures_pk PRIMARY KEY (shard_id, attempt),
    CONSTRAINT shard_failures_shard_fk FOREIGN KEY (shard_id) REFERENCES shards (id) ON DELETE CASCADE
);
CREATE INDEX shard_failures_job_idx ON shard_failures (job_id, shard_index, attempt);
