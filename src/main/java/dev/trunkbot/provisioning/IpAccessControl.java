package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.TwilioTrunking;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepContext;
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
                  String name = Names.ipAccessControlList(spec);
                  Changes changes = new Changes();
                  Ensured<String> acl =
                      ports.twilio().ensureIpAccessControlList(name, ip, Owned.recorder(ctx));
                  boolean listMade =
                      Owned.byRun(ctx, acl, TwilioTrunking.IP_ACCESS_CONTROL_LIST, name);
                  // the address, added by this run to a list that existed before it
                  boolean ipAdded =
                      !listMade
                          && (acl.changed()
                              || ctx.intended(TwilioTrunking.IP_ADDRESS).contains(ip));
                  changes.count(acl, listMade);
                  Ensured<String> attach =
                      ports
                          .twilio()
                          .attachIpAccessControlList(
                              ElasticSipTrunk.trunkSid(ctx), acl.value(), Owned.recorder(ctx));
                  boolean attachMade =
                      Owned.byRun(ctx, attach, TwilioTrunking.ACL_ATTACHMENT, acl.value());
                  changes.count(attach, attachMade);
                  ObjectNode out = changes.outputs();
                  out.put("ipAccessControlListSid", acl.value());
                  out.put("ipAddress", ip);
                  out.put("listCreated", listMade);
                  out.put("ipAdded", ipAdded);
                  out.put("attachCreated", attachMade);
                  return StepResult.done(out);
                }))
        .undo((ctx, out) -> undo(ports, ctx, out))
        .build();
  }

  private static void undo(Ports ports, StepContext ctx, ObjectNode out) {
    TwilioTrunking twilio = ports.twilio();
    String trunk = ctx.output(ElasticSipTrunk.ID).path("trunkSid").asText("");
    if (out.has("ipAccessControlListSid")) {
      String acl = out.get("ipAccessControlListSid").asText();
      if (out.path("attachCreated").asBoolean()) {
        twilio.detachIpAccessControlList(trunk, acl);
      }
      if (out.path("listCreated").asBoolean()) {
        twilio.deleteIpAccessControlList(acl);
      } else if (out.path("ipAdded").asBoolean()) {
        twilio.removeIpAddress(acl, out.path("ipAddress").asText());
      }
      return;
    }
    // the step did not finish: undo only what this run meant to make
    if (!trunk.isEmpty()) {
      ctx.intended(TwilioTrunking.ACL_ATTACHMENT)
          .forEach(acl -> twilio.detachIpAccessControlList(trunk, acl));
    }
    String name = Names.ipAccessControlList(RunInput.spec(ctx.input()));
    if (ctx.intended(TwilioTrunking.IP_ACCESS_CONTROL_LIST).contains(name)) {
      twilio.findIpAccessControlList(name).ifPresent(twilio::deleteIpAccessControlList);
    } else {
      for (String ip : ctx.intended(TwilioTrunking.IP_ADDRESS)) {
        twilio.findIpAccessControlList(name).ifPresent(acl -> twilio.removeIpAddress(acl, ip));
      }
    }
  }
}
