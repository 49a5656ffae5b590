package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.portsip.Assignee;
import dev.trunkbot.portsip.PortSipTrunks;
import dev.trunkbot.trunk.DidPool;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Guide step 9 (system-admin level): assigns each tenant to the shared trunk with its DID pool. At
 * tenant-admin level the pool is the trunk's own and this step has nothing to do.
 */
final class TenantAssignment {
  static final String ID = "portsip-tenants";

  private TenantAssignment() {}

  static Step step(Ports ports) {
    return Step.builder(ID, "PortSIP: assign tenants and their DID pools")
        .dependsOn(RegisterBasedTrunk.ID)
        .resource(Ports.PORTSIP)
        .execute(
            Failures.guarded(
                ctx -> {
                  TrunkSpec spec = RunInput.spec(ctx.input());
                  Changes changes = new Changes();
                  ArrayNode created = JsonNodeFactory.instance.arrayNode();
                  if (spec.scope() instanceof TrunkScope.SystemLevel system) {
                    String provider = RegisterBasedTrunk.providerId(ctx);
                    for (Map.Entry<String, DidPool> tenant : system.tenants().entrySet()) {
                      Ensured<Assignee> a =
                          ports
                              .portsip()
                              .ensureAssignee(
                                  provider,
                                  tenant.getKey(),
                                  tenant.getValue().toString(),
                                  spec.maxConcurrentCalls(),
                                  Owned.recorder(ctx));
                      boolean made = Owned.byRun(ctx, a, PortSipTrunks.ASSIGNEE, tenant.getKey());
                      changes.count(a, made);
                      if (made) {
                        created.add(tenant.getKey());
                      }
                    }
                  }
                  ObjectNode out = changes.outputs();
                  out.put("level", spec.scope().level());
                  out.set("createdAssignees", created);
                  return StepResult.done(out);
                }))
        .undo(
            (ctx, out) -> {
              String provider = ctx.output(RegisterBasedTrunk.ID).path("providerId").asText("");
              if (provider.isEmpty()) {
                return;
              }
              Set<String> made = new LinkedHashSet<>();
              out.withArray("createdAssignees").forEach(t -> made.add(t.asText()));
              made.addAll(ctx.intended(PortSipTrunks.ASSIGNEE));
              for (String tenant : made) {
                ports.portsip().removeAssignee(provider, tenant);
              }
            })
        .build();
  }
}
