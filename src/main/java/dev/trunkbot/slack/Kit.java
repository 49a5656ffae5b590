package dev.trunkbot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;

/** Block Kit pieces, each within Slack's limits whatever text it is given. */
final class Kit {
  static final int SECTION_TEXT = 3_000;
  static final int MESSAGE_BLOCKS = 50;

  private Kit() {}

  static SectionBlock section(String blockId, String mrkdwn) {
    return SectionBlock.builder()
        .blockId(blockId)
        .text(MarkdownTextObject.builder().text(Mrkdwn.cut(mrkdwn, SECTION_TEXT)).build())
        .build();
  }

  static ContextBlock context(String blockId, String mrkdwn) {
    return ContextBlock.builder()
        .blockId(blockId)
        .elements(
            List.of(MarkdownTextObject.builder().text(Mrkdwn.cut(mrkdwn, SECTION_TEXT)).build()))
        .build();
  }

  static PlainTextObject plain(String text, int max) {
    return PlainTextObject.builder().text(Mrkdwn.cut(text, max)).emoji(true).build();
  }

  /** A button; {@code style} is primary, danger or null. */
  static ButtonElement button(String actionId, String text, String value, String style) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(plain(text, 75))
        .value(value)
        .style(style)
        .build();
  }

  static ButtonElement confirmed(ButtonElement button, String title, String text, String yes) {
    button.setConfirm(
        ConfirmationDialogObject.builder()
            .title(plain(title, 100))
            .text(MarkdownTextObject.builder().text(Mrkdwn.cut(text, 300)).build())
            .confirm(plain(yes, 30))
            .deny(plain("Cancel", 30))
            .style("danger")
            .build());
    return button;
  }

  static ActionsBlock actions(String blockId, BlockElement... elements) {
    return ActionsBlock.builder().blockId(blockId).elements(List.of(elements)).build();
  }

  /**
   * Lines packed into as few sections as fit Slack's 3,000 characters each, at most {@code
   * maxBlocks} of them; what does not fit is counted in a last line.
   */
  static List<LayoutBlock> sections(String idPrefix, List<String> lines, int maxBlocks) {
    List<LayoutBlock> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int used = 0;
    for (String raw : lines) {
      String line = Mrkdwn.cut(raw, SECTION_TEXT - 100);
      if (current.length() + line.length() + 1 > SECTION_TEXT - 100) {
        if (out.size() + 1 >= maxBlocks) {
          break;
        }
        out.add(section(idPrefix + out.size(), current.toString()));
        current.setLength(0);
      }
      current.append(current.length() == 0 ? "" : "\n").append(line);
      used++;
    }
    if (used < lines.size()) {
      current.append("\n_… and ").append(lines.size() - used).append(" more_");
    }
    if (current.length() > 0) {
      out.add(section(idPrefix + out.size(), current.toString()));
    }
    return out;
  }
}
