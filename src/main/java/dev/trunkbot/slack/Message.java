package dev.trunkbot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * What one Slack message or reply shows: its blocks and the plain text that notifications and
 * screen readers use.
 */
record Message(String text, List<LayoutBlock> blocks) {
  Message {
    text = Mrkdwn.cut(text, 3_000);
    blocks = List.copyOf(blocks);
  }
}
