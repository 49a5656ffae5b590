-- Concurrency limits of the accounts behind resources ("twilio": 20 calls at once), held across
-- every process on this database: one row per permit, taken by a process until it gives it back
-- or stops renewing its lease (a process that died returns its permits when the lease runs out).
CREATE TABLE wf_permit (
  resource    VARCHAR(100) NOT NULL,
  slot        INT          NOT NULL,
  owner       VARCHAR(100),
  lease_until BIGINT       NOT NULL,
  PRIMARY KEY (resource, slot)
);
