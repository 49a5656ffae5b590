package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;

/**
 * Guide step 3: an IP access control list holding the PBX's public static IP, attached to the
 * trunk.
 */
final class IpAccessControl {
  static final String ID = "ip-acl";

  private IpAccessControl() {}

  static Step step(Ports ports) {
    return Step.builder(ID, "Termination: IP access control list with the PBX's address")
        .dependsOn(ElasticSipTrunk.ID)
        .resource(Ports.TWILIO)
        .execute(
            Failures.guarded(
                ctx -> {
                  TrunkSpec spec = RunInput.spec(ctx.input());
                  String ip = ports.resolver().ipv4(spec.pbx());
                  Changes changes = new Changes();
                  Ensured<String> acl =
                      ports.twilio().ensureIpAccessControlList(Names.ipAccessControlList(spec), ip);
                  changes.count(acl);
                  Ensured<String> attach =
                      ports
                          .twilio()
                          .attachIpAccessControlList(ElasticSipTrunk.trunkSid(ctx), acl.value());
                  changes.count(attach);
                  ObjectNode out = changes.outputs();
                  out.put("ipAccessControlListSid", acl.value());
                  out.put("ipAddress", ip);
                  out.put("listCreated", acl.wasCreated());
                  out.put("attachCreated", attach.wasCreated());
                  return StepResult.done(out);
                }))
        .undo(
            (ctx, out) -> {
              String acl = out.get("ipAccessControlListSid").asText();
              if (out.path("attachCreated").asBoolean()) {
                ports.twilio().detachIpAccessControlList(ElasticSipTrunk.trunkSid(ctx), acl);
              }
              if (out.path("listCreated").asBoolean()) {
                ports.twilio().deleteIpAccessControlList(acl);
              }
            })
        .build();
  }
}
