-- One active run per business key (a trunk's termination URI), runs found by key or subject
-- without a scan, notes that front ends attach to a run, progress and approval requests as
-- state (not only events), event ids handed out in commit order, and per-consumer cursors.
ALTER TABLE wf_run ADD COLUMN business_key VARCHAR(300);
ALTER TABLE wf_run ADD COLUMN subject VARCHAR(300);
ALTER TABLE wf_run ADD COLUMN auto_approver VARCHAR(200);
CREATE INDEX wf_run_key_idx ON wf_run (business_key, created_at);
CREATE INDEX wf_run_subject_idx ON wf_run (subject, created_at);
CREATE INDEX wf_run_created_idx ON wf_run (created_at);

-- A row exists while the run holding the key is active (running, waiting, failed, rolling back).
CREATE TABLE wf_active_key (
  business_key VARCHAR(300) PRIMARY KEY,
  run_id       VARCHAR(36)  NOT NULL
);

CREATE TABLE wf_run_note (
  run_id VARCHAR(36)   NOT NULL,
  name   VARCHAR(100)  NOT NULL,
  note_value VARCHAR(2000) NOT NULL,
  PRIMARY KEY (run_id, name)
);

ALTER TABLE wf_step ADD COLUMN progress_done INT;
ALTER TABLE wf_step ADD COLUMN progress_total INT;
ALTER TABLE wf_approval ADD COLUMN request VARCHAR(2000);

-- Event ids come from this one row, locked until commit, so ids are visible in the order given
-- and a consumer's cursor (the last id it handled) never skips an event committed late.
CREATE TABLE wf_event_seq (
  id      INT    PRIMARY KEY,
  last_id BIGINT NOT NULL
);
INSERT INTO wf_event_seq (id, last_id) SELECT 1, COALESCE(MAX(id), 0) FROM wf_event;

-- Each consumer's cursor, held by one process at a time (owner until lease_until).
CREATE TABLE wf_consumer (
  name          VARCHAR(100) PRIMARY KEY,
  last_event_id BIGINT       NOT NULL,
  owner         VARCHAR(100),
  lease_until   BIGINT       NOT NULL
);
