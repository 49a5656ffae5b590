-- A migration of a "newer version" (tests only): it changes a table every process writes to, while
-- an older process works on it.
ALTER TABLE wf_run ADD COLUMN upgrade_probe VARCHAR(20) DEFAULT 'newer';
CREATE TABLE wf_upgrade_probe (
  id   INT PRIMARY KEY,
  note VARCHAR(100) NOT NULL
);
INSERT INTO wf_upgrade_probe (id, note) VALUES (1, 'migrated while an older replica ran');
