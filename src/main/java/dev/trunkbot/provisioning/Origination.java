package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.trunk.OriginationTarget;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.StepResult;

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
                  ArrayNode urls =
                      com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
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
                                Names.originationUrl(spec, target));
                    changes.count(url);
                    urls.addObject()
                        .put("sid", url.value())
                        .put("sipUrl", sipUrl)
                        .put("priority", target.priority())
                        .put("weight", target.weight())
                        .put("created", url.wasCreated());
                  }
                  ObjectNode out = changes.outputs();
                  out.set("originationUrls", urls);
                  return StepResult.done(out);
                }))
        .undo(
            (ctx, out) -> {
              for (var url : out.withArray("originationUrls")) {
                if (url.path("created").asBoolean()) {
                  ports
                      .twilio()
                      .deleteOriginationUrl(ElasticSipTrunk.trunkSid(ctx), url.get("sid").asText());
                }
              }
            })
        .build();
  }
}
