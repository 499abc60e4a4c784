-- Indexes that keep claiming and completing a shard independent of the queue's length (issue 3,
-- claim throughput). Plain indexes, so this runs unchanged on H2 and PostgreSQL (H2 has no
-- partial indexes); see docs/benchmarks.md for the plans and figures behind them.
--
-- The claim looks for expired leases and for due pending shards in two statements, each
-- ORDER BY queue_rank, id FETCH FIRST 1. The V3 index (state, queue_rank, not_before_ms) gave
-- the order by queue_rank only: all shards of a job share one rank, so PostgreSQL sorted the whole
-- job's pending shards by id on every claim. With id in the index the walk stops at the first
-- row; not_before_ms stays in the index so backing-off shards are skipped without reading them.
DROP INDEX shards_claimable_idx;
CREATE INDEX shards_pending_idx ON shards (state, queue_rank, id, not_before_ms);

-- Expired leases: a range scan that finds none at all in the normal case, instead of visiting
-- every shard leased now (one per running worker on every node).
CREATE INDEX shards_lease_expiry_idx ON shards (state, lease_expires_at);

-- Completing a shard asks whether its job has any shard left that has not succeeded; with the
-- state in the index that is answered without reading the job's finished shards.
CREATE INDEX shards_job_state_idx ON shards (job_id, state, id);
