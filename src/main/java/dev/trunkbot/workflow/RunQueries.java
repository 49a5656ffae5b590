package dev.trunkbot.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Read side: run views (without secret values) and audit entries. */
final class RunQueries {
  // Columns by name, never *: a newer version's migration may add columns while this one runs,
  // and PostgreSQL refuses a prepared SELECT * whose result changed ("cached plan must not change
  // result type").
  private static final String RUN_COLUMNS =
      "workflow, version, state, requester, input_json, error, created_at, updated_at,"
          + " finished_at, business_key, subject";
  private static final String STEP_COLUMNS =
      "step_id, state, attempts, last_error, output_json, started_at, finished_at, progress_done,"
          + " progress_total";
  private static final String APPROVAL_COLUMNS =
      "step_id, decision, requested_at, expires_at, decided_by, decided_at, reason, request";

  private final Jdbc jdbc;
  private final Function<String, Optional<WorkflowDefinition>> definitions;

  RunQueries(Jdbc jdbc, Function<String, Optional<WorkflowDefinition>> definitions) {
    this.jdbc = jdbc;
    this.definitions = definitions;
  }

  Optional<RunView> run(RunId id) {
    return jdbc.inSnapshot(
        c -> {
          var runs =
              Jdbc.query(
                  c, "SELECT id FROM wf_run WHERE id = ?", rs -> rs.getString("id"), id.value());
          return runs.isEmpty() ? Optional.<RunView>empty() : Optional.of(load(c, id));
        });
  }

  List<RunView> runs(RunFilter f) {
    StringBuilder sql = new StringBuilder("SELECT id FROM wf_run WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    where(sql, params, "workflow", f.workflow());
    where(sql, params, "requester", f.requester());
    where(sql, params, "business_key", f.businessKey());
    where(sql, params, "subject", f.subject());
    if (!f.states().isEmpty()) {
      sql.append(" AND state IN (")
          .append(String.join(",", java.util.Collections.nCopies(f.states().size(), "?")))
          .append(")");
      f.states().forEach(s -> params.add(s.name()));
    }
    sql.append(" ORDER BY created_at DESC, id FETCH FIRST ").append(f.limit()).append(" ROWS ONLY");
    return jdbc.inSnapshot(
        c -> {
          List<RunView> out = new ArrayList<>();
          for (String id : Jdbc.query(c, sql.toString(), rs -> rs.getString(1), params.toArray())) {
            out.add(load(c, new RunId(id)));
          }
          return out;
        });
  }

  private static void where(
      StringBuilder sql, List<Object> params, String column, Optional<String> value) {
    value.ifPresent(
        v -> {
          sql.append(" AND ").append(column).append(" = ?");
          params.add(v);
        });
  }

  List<AuditEntry> audit(RunId id) {
    return jdbc.query(
        "SELECT at, actor, action, step_id, detail FROM wf_audit WHERE run_id = ? ORDER BY id",
        rs ->
            new AuditEntry(
                id,
                Instant.ofEpochMilli(rs.getLong(1)),
                rs.getString(2),
                rs.getString(3),
                Optional.ofNullable(rs.getString(4)),
                rs.getString(5) == null ? "" : rs.getString(5)),
        id.value());
  }

  private RunView load(java.sql.Connection c, RunId id) throws SQLException {
    Map<String, RunView.ApprovalView> approvals = new HashMap<>();
    for (var a :
        Jdbc.query(
            c,
            "SELECT " + APPROVAL_COLUMNS + " FROM wf_approval WHERE run_id = ?",
            rs -> Map.entry(rs.getString("step_id"), approval(rs)),
            id.value())) {
      approvals.put(a.getKey(), a.getValue());
    }
    Map<String, String> notes = new java.util.TreeMap<>();
    for (var n :
        Jdbc.query(
            c,
            "SELECT name, note_value FROM wf_run_note WHERE run_id = ?",
            rs -> Map.entry(rs.getString(1), rs.getString(2)),
            id.value())) {
      notes.put(n.getKey(), n.getValue());
    }
    List<String> secretNames =
        Jdbc.query(
            c,
            "SELECT name FROM wf_secret WHERE run_id = ? ORDER BY name",
            rs -> rs.getString(1),
            id.value());
    return Jdbc.query(
            c,
            "SELECT " + RUN_COLUMNS + " FROM wf_run WHERE id = ?",
            rs -> {
              String workflow = rs.getString("workflow");
              Optional<WorkflowDefinition> def = definitions.apply(workflow);
              List<RunView.StepView> steps = steps(c, id, def, approvals);
              return new RunView(
                  id,
                  workflow,
                  rs.getInt("version"),
                  RunState.valueOf(rs.getString("state")),
                  rs.getString("requester"),
                  Json.object(rs.getString("input_json")),
                  steps,
                  secretNames,
                  Optional.ofNullable(rs.getString("error")),
                  Instant.ofEpochMilli(rs.getLong("created_at")),
                  Instant.ofEpochMilli(rs.getLong("updated_at")),
                  instant(rs, "finished_at"),
                  Optional.ofNullable(rs.getString("business_key")),
                  Optional.ofNullable(rs.getString("subject")).orElse(""),
                  notes);
            },
            id.value())
        .get(0);
  }

  private List<RunView.StepView> steps(
      java.sql.Connection c,
      RunId id,
      Optional<WorkflowDefinition> def,
      Map<String, RunView.ApprovalView> approvals)
      throws SQLException {
    List<RunView.StepView> rows =
        Jdbc.query(
            c,
            "SELECT " + STEP_COLUMNS + " FROM wf_step WHERE run_id = ?",
            rs -> {
              String stepId = rs.getString("step_id");
              String title = def.flatMap(d -> d.step(stepId)).map(Step::title).orElse(stepId);
              return new RunView.StepView(
                  stepId,
                  title,
                  StepState.valueOf(rs.getString("state")),
                  rs.getInt("attempts"),
                  Optional.ofNullable(rs.getString("last_error")),
                  Json.object(rs.getString("output_json")),
                  instant(rs, "started_at"),
                  instant(rs, "finished_at"),
                  Optional.ofNullable(approvals.get(stepId)),
                  progress(rs));
            },
            id.value());
    List<String> order = def.map(WorkflowDefinition::topologicalOrder).orElse(List.of());
    List<RunView.StepView> sorted = new ArrayList<>(rows);
    sorted.sort(java.util.Comparator.comparingInt(s -> order.indexOf(s.id())));
    return List.copyOf(sorted);
  }

  private static RunView.ApprovalView approval(ResultSet rs) throws SQLException {
    return new RunView.ApprovalView(
        rs.getString("decision"),
        Instant.ofEpochMilli(rs.getLong("requested_at")),
        instant(rs, "expires_at"),
        Optional.ofNullable(rs.getString("decided_by")),
        instant(rs, "decided_at"),
        Optional.ofNullable(rs.getString("reason")),
        Optional.ofNullable(rs.getString("request")));
  }

  private static Optional<RunView.Progress> progress(ResultSet rs) throws SQLException {
    Long done = Jdbc.nullableLong(rs, "progress_done");
    Long total = Jdbc.nullableLong(rs, "progress_total");
    return done == null || total == null
        ? Optional.empty()
        : Optional.of(new RunView.Progress(done.intValue(), total.intValue()));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(Jdbc.nullableLong(rs, column)).map(Instant::ofEpochMilli);
  }
}
