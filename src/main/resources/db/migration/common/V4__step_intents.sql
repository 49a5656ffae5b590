-- What a step meant to make, written and committed before the call that may make it, so that a
-- later attempt (or a rollback) knows a resource it finds under one of these keys is the run's own,
-- even when the answer to the call that made it was lost or the process died waiting for it.
CREATE TABLE wf_intent (
  run_id   VARCHAR(36)  NOT NULL,
  kind     VARCHAR(100) NOT NULL,
  item_key VARCHAR(500) NOT NULL,
  step_id  VARCHAR(100) NOT NULL,
  at       BIGINT       NOT NULL,
  PRIMARY KEY (run_id, kind, item_key)
);
