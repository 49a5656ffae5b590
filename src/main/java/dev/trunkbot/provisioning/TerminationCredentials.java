package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.TwilioTrunking;
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
                  String name = Names.credentialList(spec);
                  Changes changes = new Changes();
                  boolean chosenPassword = spec.credentials().password().isPresent();
                  Ensured<String> list =
                      ports
                          .twilio()
                          .ensureCredentialList(
                              name,
                              spec.credentials().username(),
                              password(ctx),
                              chosenPassword,
                              Owned.recorder(ctx));
                  boolean listMade = Owned.byRun(ctx, list, TwilioTrunking.CREDENTIAL_LIST, name);
                  // the credential, added by this run to a list that existed before it
                  boolean credentialAdded =
                      !listMade
                          && ctx.intended(TwilioTrunking.CREDENTIAL)
                              .contains(spec.credentials().username());
                  changes.count(list, listMade);
                  Ensured<String> attach =
                      ports
                          .twilio()
                          .attachCredentialList(
                              ElasticSipTrunk.trunkSid(ctx), list.value(), Owned.recorder(ctx));
                  boolean attachMade =
                      Owned.byRun(
                          ctx, attach, TwilioTrunking.CREDENTIAL_LIST_ATTACHMENT, list.value());
                  changes.count(attach, attachMade);
                  ObjectNode out = changes.outputs();
                  out.put("credentialListSid", list.value());
                  out.put("username", spec.credentials().username());
                  out.put("listCreated", listMade);
                  out.put("credentialAdded", credentialAdded);
                  // a list this run made holds the password it was given, even when an earlier
                  // attempt made it
                  out.put("passwordSet", list.changed() || listMade);
                  out.put("attachCreated", attachMade);
                  return StepResult.done(out);
                }))
        .undo((ctx, out) -> undo(ports, ctx, out))
        .build();
  }

  private static void undo(Ports ports, StepContext ctx, ObjectNode out) {
    TwilioTrunking twilio = ports.twilio();
    String trunk = ctx.output(ElasticSipTrunk.ID).path("trunkSid").asText("");
    if (out.has("credentialListSid")) {
      String list = out.get("credentialListSid").asText();
      if (out.path("attachCreated").asBoolean()) {
        twilio.detachCredentialList(trunk, list);
      }
      if (out.path("listCreated").asBoolean()) {
        twilio.deleteCredentialList(list);
      } else if (out.path("credentialAdded").asBoolean()) {
        twilio.removeCredential(list, out.path("username").asText());
      }
      return;
    }
    // the step did not finish: undo only what this run meant to make
    if (!trunk.isEmpty()) {
      ctx.intended(TwilioTrunking.CREDENTIAL_LIST_ATTACHMENT)
          .forEach(list -> twilio.detachCredentialList(trunk, list));
    }
    String name = Names.credentialList(RunInput.spec(ctx.input()));
    if (ctx.intended(TwilioTrunking.CREDENTIAL_LIST).contains(name)) {
      twilio.findCredentialList(name).ifPresent(twilio::deleteCredentialList);
    } else {
      for (String username : ctx.intended(TwilioTrunking.CREDENTIAL)) {
        twilio.findCredentialList(name).ifPresent(list -> twilio.removeCredential(list, username));
      }
    }
  }

  static String password(StepContext ctx) {
    return ctx.secret(RunInput.PASSWORD)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the run has no SIP password: start it through GuideWorkflow"));
  }
}
