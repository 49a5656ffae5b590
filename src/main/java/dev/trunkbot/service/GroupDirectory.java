package dev.trunkbot.service;

import java.util.Set;

/**
 * Who is in a group of approvers (a Slack user group {@code S0614TZR7}). Front ends that know
 * groups provide one; it may cache, briefly, so that a removed member loses the right soon.
 */
@FunctionalInterface
public interface GroupDirectory {
  /** The member ids of the group; empty when the group is unknown or cannot be read. */
  Set<String> members(String groupId);

  GroupDirectory NONE = groupId -> Set.of();
}
