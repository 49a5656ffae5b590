package dev.trunkbot.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.trunkbot.trunk.Region;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code /trunk create} (and {@code /trunk plan}) modal: one input per field of the spec, each
 * with a label a person understands; the block ids are what {@link FormProblems} puts errors under.
 * The SIP password is never asked: it is generated or derived.
 */
final class TrunkForm {
  static final String ACTION = "value";
  static final String NAME = "name";
  static final String TERMINATION = "termination";
  static final String PBX = "pbx";
  static final String PRIMARY_REGION = "primary_region";
  static final String PRIMARY_PRIORITY = "primary_priority";
  static final String PRIMARY_WEIGHT = "primary_weight";
  static final String SECONDARY_REGION = "secondary_region";
  static final String SECONDARY_PRIORITY = "secondary_priority";
  static final String SECONDARY_WEIGHT = "secondary_weight";
  static final String DIDS = "dids";
  static final String LEVEL = "level";
  static final String TENANTS = "tenants";
  static final String MAX_CALLS = "max_calls";
  static final String USERNAME = "username";

  private TrunkForm() {}

  /** The modal; {@code plan} answers with the plan instead of starting a run. */
  static View view(boolean plan, String privateMetadata, boolean sandbox) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (sandbox) {
      blocks.add(
          Kit.context(
              "sandbox",
              ":test_tube: *SANDBOX*: Twilio and PortSIP are emulators; any DIDs you type count as"
                  + " purchased."));
    }
    blocks.add(
        text(NAME, "Trunk name", "Twilio-Reg-Trunk", "Friendly name on Twilio and PortSIP."));
    blocks.add(
        text(
            TERMINATION,
            "Termination URI label",
            "portsip-pbx",
            "Becomes <label>.pstn.twilio.com, unique across Twilio."));
    blocks.add(
        text(
            PBX,
            "PBX public IP or FQDN",
            "151.101.2.3",
            "Twilio sends calls here: a public static IP or a fully qualified domain name."));
    blocks.add(region(PRIMARY_REGION, "Primary region (origination)", Region.US1));
    blocks.add(number(PRIMARY_PRIORITY, "Primary priority", "10", "Lowest is tried first."));
    blocks.add(number(PRIMARY_WEIGHT, "Primary weight", "10", "Shares calls among equals."));
    blocks.add(region(SECONDARY_REGION, "Secondary region (failover)", Region.US2));
    blocks.add(number(SECONDARY_PRIORITY, "Secondary priority", "20", "The guide's failover: 20."));
    blocks.add(number(SECONDARY_WEIGHT, "Secondary weight", "10", "The guide's: 10."));
    InputBlock dids =
        text(
            DIDS,
            "DIDs (purchased numbers)",
            "12027594810-12027594815;12027594820",
            "Country code, no +: numbers, lists with ; or ranges a-b; one per line is fine too.");
    ((PlainTextInputElement) dids.getElement()).setMultiline(true);
    blocks.add(dids);
    blocks.add(level());
    InputBlock tenants =
        text(
            TENANTS,
            "Tenants and their DIDs",
            "acme: 12027594810-12027594815\nglobex: 12027594820",
            "System level: one tenant a line, NAME: POOL (NAME=POOL works too)."
                + " Tenant level: just the tenant's name.");
    ((PlainTextInputElement) tenants.getElement()).setMultiline(true);
    blocks.add(tenants);
    blocks.add(text(MAX_CALLS, "Max concurrent calls", "30", "PortSIP's Max Concurrent Calls."));
    InputBlock user =
        text(
            USERNAME,
            "SIP username (optional)",
            "portsip-pbx",
            "Defaults to the termination label. The password is generated; it is never shown.");
    user.setOptional(true);
    blocks.add(user);
    return View.builder()
        .type("modal")
        .callbackId(plan ? Ids.PLAN_VIEW : Ids.CREATE_VIEW)
        .title(
            ViewTitle.builder()
                .type("plain_text")
                .text(plan ? "Plan a trunk" : "Create a trunk")
                .build())
        .submit(ViewSubmit.builder().type("plain_text").text(plan ? "Plan" : "Create").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .privateMetadata(privateMetadata)
        .blocks(blocks)
        .build();
  }

  private static InputBlock text(String id, String label, String placeholder, String hint) {
    return input(
        id,
        label,
        hint,
        PlainTextInputElement.builder()
            .actionId(ACTION)
            .placeholder(Kit.plain(placeholder, 150))
            .build());
  }

  private static InputBlock number(String id, String label, String initial, String hint) {
    return input(
        id,
        label,
        hint,
        PlainTextInputElement.builder().actionId(ACTION).initialValue(initial).build());
  }

  private static InputBlock region(String id, String label, Region initial) {
    List<OptionObject> options = Arrays.stream(Region.values()).map(TrunkForm::option).toList();
    return input(
        id,
        label,
        "Twilio data center that sends calls to the PBX.",
        StaticSelectElement.builder()
            .actionId(ACTION)
            .options(options)
            .initialOption(option(initial))
            .build());
  }

  private static InputBlock level() {
    OptionObject system =
        OptionObject.builder()
            .text(Kit.plain("System: shared to tenants", 75))
            .value("system")
            .build();
    OptionObject tenant =
        OptionObject.builder()
            .text(Kit.plain("Tenant: private to one tenant", 75))
            .value("tenant")
            .build();
    return input(
        LEVEL,
        "Level (system or tenant)",
        "Who the PortSIP trunk serves.",
        StaticSelectElement.builder()
            .actionId(ACTION)
            .options(List.of(system, tenant))
            .initialOption(system)
            .build());
  }

  private static OptionObject option(Region region) {
    return OptionObject.builder()
        .text(Kit.plain(region.code() + " — " + region.place(), 75))
        .value(region.code())
        .build();
  }

  private static InputBlock input(String id, String label, String hint, BlockElement element) {
    return InputBlock.builder()
        .blockId(id)
        .label(Kit.plain(label, 2_000))
        .hint(Kit.plain(hint, 2_000))
        .element(element)
        .build();
  }
}
