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
  private final Jdbc jdbc;
  private final Function<String, Optional<WorkflowDefinition>> definitions;

  RunQueries(Jdbc jdbc, Function<String, Optional<WorkflowDefinition>> definitions) {
    this.jdbc = jdbc;
    this.definitions = definitions;
  }

  Optional<RunView> run(RunId id) {
    return jdbc.inTx(
        c -> {
          var runs =
              Jdbc.query(
                  c, "SELECT * FROM wf_run WHERE id = ?", rs -> rs.getString("id"), id.value());
          return runs.isEmpty() ? Optional.<RunView>empty() : Optional.of(load(c, id));
        });
  }

  List<RunView> runs(RunFilter f) {
    StringBuilder sql = new StringBuilder("SELECT id FROM wf_run WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    f.workflow()
        .ifPresent(
            w -> {
              sql.append(" AND workflow = ?");
              params.add(w);
            });
    f.requester()
        .ifPresent(
            r -> {
              sql.append(" AND requester = ?");
              params.add(r);
            });
    if (!f.states().isEmpty()) {
      sql.append(" AND state IN (")
          .append(String.join(",", java.util.Collections.nCopies(f.states().size(), "?")))
          .append(")");
      f.states().forEach(s -> params.add(s.name()));
    }
    sql.append(" ORDER BY created_at DESC, id");
    return jdbc.inTx(
        c -> {
          List<RunView> out = new ArrayList<>();
          for (String id : Jdbc.query(c, sql.toString(), rs -> rs.getString(1), params.toArray())) {
            if (out.size() == f.limit()) {
              break;
            }
            out.add(load(c, new RunId(id)));
          }
          return out;
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
            "SELECT * FROM wf_approval WHERE run_id = ?",
            rs -> Map.entry(rs.getString("step_id"), approval(rs)),
            id.value())) {
      approvals.put(a.getKey(), a.getValue());
    }
    List<String> secretNames =
        Jdbc.query(
            c,
            "SELECT name FROM wf_secret WHERE run_id = ? ORDER BY name",
            rs -> rs.getString(1),
            id.value());
    return Jdbc.query(
            c,
            "SELECT * FROM wf_run WHERE id = ?",
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
                  instant(rs, "finished_at"));
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
            "SELECT * FROM wf_step WHERE run_id = ?",
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
                  Optional.ofNullable(approvals.get(stepId)));
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
        Optional.ofNullable(rs.getString("reason")));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(Jdbc.nullableLong(rs, column)).map(Instant::ofEpochMilli);
  }
}
