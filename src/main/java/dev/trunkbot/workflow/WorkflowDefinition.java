package dev.trunkbot.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A named, versioned DAG of steps, validated when built. */
public final class WorkflowDefinition {
  private final String name;
  private final int version;
  private final Map<String, Step> steps;
  private final List<String> topologicalOrder;

  private WorkflowDefinition(
      String name, int version, Map<String, Step> steps, List<String> order) {
    this.name = name;
    this.version = version;
    this.steps = steps;
    this.topologicalOrder = order;
  }

  public static Builder builder(String name, int version) {
    return new Builder(name, version);
  }

  public String name() {
    return name;
  }

  public int version() {
    return version;
  }

  /** Steps in declaration order. */
  public List<Step> steps() {
    return List.copyOf(steps.values());
  }

  public Optional<Step> step(String id) {
    return Optional.ofNullable(steps.get(id));
  }

  /** Step ids in an order where every step comes after its dependencies. */
  public List<String> topologicalOrder() {
    return topologicalOrder;
  }

  @Override
  public String toString() {
    return "WorkflowDefinition[" + name + " v" + version + " steps=" + steps.keySet() + "]";
  }

  public static final class Builder {
    private final String name;
    private final int version;
    private final List<Step> steps = new ArrayList<>();

    private Builder(String name, int version) {
      if (name == null || !name.matches("[a-z0-9][a-z0-9_.-]{0,199}")) {
        throw new IllegalArgumentException(
            "workflow name must be lowercase letters, digits, '_', '.', '-', got '" + name + "'");
      }
      if (version < 1) {
        throw new IllegalArgumentException("workflow version must be >= 1, got " + version);
      }
      this.name = name;
      this.version = version;
    }

    public Builder step(Step step) {
      steps.add(step);
      return this;
    }

    public WorkflowDefinition build() {
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("workflow '" + name + "' has no steps");
      }
      Map<String, Step> byId = new LinkedHashMap<>();
      for (Step s : steps) {
        if (byId.putIfAbsent(s.id(), s) != null) {
          throw new IllegalArgumentException(
              "workflow '" + name + "': duplicate step id '" + s.id() + "'");
        }
      }
      for (Step s : steps) {
        for (String dep : s.dependsOn()) {
          if (!byId.containsKey(dep)) {
            throw new IllegalArgumentException(
                "workflow '"
                    + name
                    + "': step '"
                    + s.id()
                    + "' depends on unknown step '"
                    + dep
                    + "' (known: "
                    + byId.keySet()
                    + ")");
          }
        }
      }
      return new WorkflowDefinition(name, version, byId, order(byId));
    }

    private List<String> order(Map<String, Step> byId) {
      List<String> out = new ArrayList<>();
      Map<String, Integer> mark = new HashMap<>();
      for (String id : byId.keySet()) {
        visit(id, byId, mark, out, new ArrayList<>());
      }
      return List.copyOf(out);
    }

    private void visit(
        String id,
        Map<String, Step> byId,
        Map<String, Integer> mark,
        List<String> out,
        List<String> path) {
      int m = mark.getOrDefault(id, 0);
      if (m == 2) {
        return;
      }
      path.add(id);
      if (m == 1) {
        throw new IllegalArgumentException(
            "workflow '"
                + name
                + "': dependency cycle "
                + String.join(" -> ", path.subList(path.indexOf(id), path.size())));
      }
      mark.put(id, 1);
      for (String dep : byId.get(id).dependsOn()) {
        visit(dep, byId, mark, out, path);
      }
      mark.put(id, 2);
      path.remove(path.size() - 1);
      out.add(id);
    }
  }
}
