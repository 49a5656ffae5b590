package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepContext;
import dev.trunkbot.workflow.StepResult;

/** Guide step 4: a credential list with the PBX's username and password, attached to the trunk. */
final class TerminationCredentials {
  static final String ID = "credential-list";

  private TerminationCredentials() {}

  static Step step(Ports ports) {
    return Step.builder(ID, "Termination: credential list with the PBX's username and password")
        .dependsOn(ElasticSipTrunk.ID)
        .resource(Ports.TWILIO)
        .execute(
            Failures.guarded(
                ctx -> {
                  TrunkSpec spec = RunInput.spec(ctx.input());
                  Changes changes = new Changes();
                  boolean chosenPassword = spec.credentials().password().isPresent();
                  Ensured<String> list =
                      ports
                          .twilio()
                          .ensureCredentialList(
                              Names.credentialList(spec),
                              spec.credentials().username(),
                              password(ctx),
                              chosenPassword);
                  changes.count(list);
                  Ensured<String> attach =
                      ports
                          .twilio()
                          .attachCredentialList(ElasticSipTrunk.trunkSid(ctx), list.value());
                  changes.count(attach);
                  ObjectNode out = changes.outputs();
                  out.put("credentialListSid", list.value());
                  out.put("username", spec.credentials().username());
                  out.put("listCreated", list.wasCreated());
                  out.put("passwordSet", list.changed());
                  out.put("attachCreated", attach.wasCreated());
                  return StepResult.done(out);
                }))
        .undo(
            (ctx, out) -> {
              String list = out.get("credentialListSid").asText();
              if (out.path("attachCreated").asBoolean()) {
                ports.twilio().detachCredentialList(ElasticSipTrunk.trunkSid(ctx), list);
              }
              if (out.path("listCreated").asBoolean()) {
                ports.twilio().deleteCredentialList(list);
              }
            })
        .build();
  }

  static String password(StepContext ctx) {
    return ctx.secret(RunInput.PASSWORD)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the run has no SIP password: start it through GuideWorkflow"));
  }
}
