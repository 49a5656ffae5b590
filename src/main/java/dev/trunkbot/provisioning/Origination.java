package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.trunk.OriginationTarget;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.twilio.TrunkSnapshot;
import dev.trunkbot.twilio.TwilioTrunking;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepContext;
import dev.trunkbot.workflow.StepResult;
import java.util.Set;

/**
 * Guide steps 5-6: the origination URIs, {@code sip:<pbx>;region=us1} (priority 10, weight 10) and
 * its failover {@code sip:<pbx>;region=us2} (priority 20, weight 10), or the targets the spec names
 * instead.
 */
final class Origination {
  static final String ID = "origination";

  private Origination() {}

  static Step step(Ports ports) {
    return Step.builder(ID, "Origination URIs with regional failover")
        .dependsOn(ElasticSipTrunk.ID)
        .resource(Ports.TWILIO)
        .execute(
            Failures.guarded(
                ctx -> {
                  TrunkSpec spec = RunInput.spec(ctx.input());
                  String trunk = ElasticSipTrunk.trunkSid(ctx);
                  Changes changes = new Changes();
                  ArrayNode urls = JsonNodeFactory.instance.arrayNode();
                  for (OriginationTarget target : spec.origination()) {
                    String sipUrl = target.sipUrl(spec.pbx());
                    Ensured<String> url =
                        ports
                            .twilio()
                            .ensureOriginationUrl(
                                trunk,
                                sipUrl,
                                target.priority(),
                                target.weight(),
                                true,
                                Names.originationUrl(spec, target),
                                Owned.recorder(ctx));
                    boolean made = Owned.byRun(ctx, url, TwilioTrunking.ORIGINATION_URL, sipUrl);
                    changes.count(url, made);
                    urls.addObject()
                        .put("sid", url.value())
                        .put("sipUrl", sipUrl)
                        .put("priority", target.priority())
                        .put("weight", target.weight())
                        .put("created", made);
                  }
                  ObjectNode out = changes.outputs();
                  out.set("originationUrls", urls);
                  return StepResult.done(out);
                }))
        .undo((ctx, out) -> undo(ports, ctx, out))
        .build();
  }

  private static void undo(Ports ports, StepContext ctx, ObjectNode out) {
    if (out.has("originationUrls")) {
      for (var url : out.withArray("originationUrls")) {
        if (url.path("created").asBoolean()) {
          ports
              .twilio()
              .deleteOriginationUrl(ElasticSipTrunk.trunkSid(ctx), url.get("sid").asText());
        }
      }
      return;
    }
    // the step did not finish: delete the URLs this run meant to create and that exist
    Set<String> intended = ctx.intended(TwilioTrunking.ORIGINATION_URL);
    if (intended.isEmpty()) {
      return;
    }
    String host = RunInput.spec(ctx.input()).terminationHost();
    ports
        .twilio()
        .readTrunk(host)
        .ifPresent(
            t -> {
              for (TrunkSnapshot.OriginationUrl u : t.originationUrls()) {
                if (intended.contains(u.sipUrl())) {
                  ports.twilio().deleteOriginationUrl(t.sid(), u.sid());
                }
              }
            });
  }
}
