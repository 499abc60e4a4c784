-- Schedules and workflows (issue 3, section 4).
--
-- Jobs gain two states for workflows: WAITING (its upstream jobs have not all ended; it has no
-- shards yet, so no worker can claim it) and SKIPPED (an upstream job did not succeed, so it never
-- runs). A workflow job also remembers its node name, unique within its workflow, so that edges,
-- messages and the console can name it.
ALTER TABLE jobs DROP CONSTRAINT jobs_state_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_state_check
    CHECK (state IN ('WAITING', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'SKIPPED'));
ALTER TABLE jobs ADD COLUMN workflow_node VARCHAR(100);
ALTER TABLE jobs ADD CONSTRAINT jobs_workflow_node_uq UNIQUE (workflow_id, workflow_node);

-- The firer asks every few seconds which enabled schedules are due.
CREATE INDEX schedules_due_idx ON schedules (enabled, next_fire_at);
