package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.portsip.Assignee;
import dev.trunkbot.trunk.DidPool;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;
import java.util.Map;

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
                  ArrayNode created =
                      com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
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
                                  spec.maxConcurrentCalls());
                      changes.count(a);
                      if (a.wasCreated()) {
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
              for (var tenant : out.withArray("createdAssignees")) {
                ports.portsip().removeAssignee(RegisterBasedTrunk.providerId(ctx), tenant.asText());
              }
            })
        .build();
  }
}
