package dev.trunkbot.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may approve or reject a run's DID assignment, roll a run back, and whether a run may be
 * approved automatically; the one place every front end asks.
 *
 * <p>Approvers are {@code TRUNKBOT_APPROVERS}: Slack user ids ({@code U...}, {@code W...}), Slack
 * user-group ids ({@code S...}, whose members the front end's {@link GroupDirectory} knows) and
 * command-line users ({@code cli:alice}). With none configured anyone may decide. Either way the
 * requester may not approve their own run unless self-approval is allowed.
 */
public final class ApprovalPolicy {
  public static final String APPROVERS = "TRUNKBOT_APPROVERS";
  private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,20}");
  private static final Pattern SLACK_GROUP = Pattern.compile("S[A-Z0-9]{2,20}");
  private static final Pattern CLI_USER = Pattern.compile("cli:[A-Za-z0-9._@-]{1,64}");

  private final Set<String> users;
  private final Set<String> groups;
  private final boolean allowSelfApproval;
  private final boolean allowAutoApprove;
  private final GroupDirectory directory;

  private ApprovalPolicy(
      Set<String> users,
      Set<String> groups,
      boolean allowSelfApproval,
      boolean allowAutoApprove,
      GroupDirectory directory) {
    this.users = Set.copyOf(users);
    this.groups = Set.copyOf(groups);
    this.allowSelfApproval = allowSelfApproval;
    this.allowAutoApprove = allowAutoApprove;
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Reads {@code TRUNKBOT_APPROVERS} (comma-separated; blank = anyone).
   *
   * @throws IllegalArgumentException naming the variable and the entry that is neither a user, a
   *     group nor a cli user
   */
  public static ApprovalPolicy of(
      String approvers, boolean allowSelfApproval, boolean allowAutoApprove) {
    Set<String> users = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    List<String> wrong = new ArrayList<>();
    for (String raw : (approvers == null ? "" : approvers).split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (SLACK_USER.matcher(entry).matches() || CLI_USER.matcher(entry).matches()) {
        users.add(entry);
      } else if (SLACK_GROUP.matcher(entry).matches()) {
        groups.add(entry);
      } else {
        wrong.add(entry);
      }
    }
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException(
          APPROVERS
              + ": "
              + String.join(", ", wrong)
              + " is not a Slack user id (U.../W...), user-group id (S...) or cli:NAME;"
              + " give them comma-separated, e.g. U024BE7LH,S0614TZR7,cli:alice");
    }
    return new ApprovalPolicy(
        users, groups, allowSelfApproval, allowAutoApprove, GroupDirectory.NONE);
  }

  /** The same policy, resolving groups through {@code directory}. */
  public ApprovalPolicy withGroups(GroupDirectory directory) {
    return new ApprovalPolicy(users, groups, allowSelfApproval, allowAutoApprove, directory);
  }

  /** Approver user ids as configured ({@code U...}, {@code W...}, {@code cli:...}). */
  public Set<String> users() {
    return users;
  }

  /** Approver group ids as configured ({@code S...}). */
  public Set<String> groups() {
    return groups;
  }

  /** True when anyone may decide (no approvers configured). */
  public boolean open() {
    return users.isEmpty() && groups.isEmpty();
  }

  public boolean allowSelfApproval() {
    return allowSelfApproval;
  }

  /** May {@code actor} approve or reject a run that {@code requester} started? */
  public Verdict mayDecide(Actor actor, Actor requester, boolean approving) {
    if (!isApprover(actor)) {
      return new Verdict.Refused(
          actor + " is not an approver: " + whoMayDecide() + " may decide; the run keeps waiting");
    }
    if (approving && !allowSelfApproval && actor.key().equals(requester.key())) {
      return new Verdict.Refused(
          "you asked for this run, so someone else must approve it ("
              + (open() ? "anyone but you" : whoMayDecide())
              + "; or set TRUNKBOT_ALLOW_SELF_APPROVAL=true); the run keeps waiting");
    }
    return new Verdict.Allowed();
  }

  /** May {@code actor} roll a run back (undo what it made)? Approvers only. */
  public Verdict mayRollback(Actor actor) {
    return isApprover(actor)
        ? new Verdict.Allowed()
        : new Verdict.Refused(
            actor + " is not an approver: only " + whoMayDecide() + " may roll a run back");
  }

  /** May a run be approved at once, without a person (sandbox, or TRUNKBOT_ALLOW_AUTO_APPROVE)? */
  public Verdict mayAutoApprove() {
    return allowAutoApprove
        ? new Verdict.Allowed()
        : new Verdict.Refused(
            "auto-approve: outside the sandbox it also needs TRUNKBOT_ALLOW_AUTO_APPROVE=true;"
                + " nothing was started");
  }

  /** For people: {@code the approvers U024BE7LH, cli:alice and members of S0614TZR7}. */
  public String whoMayDecide() {
    if (open()) {
      return "anyone (" + APPROVERS + " is not set)";
    }
    List<String> parts = new ArrayList<>(users);
    groups.forEach(g -> parts.add("members of " + g));
    return "the approvers " + String.join(", ", parts);
  }

  private boolean isApprover(Actor actor) {
    if (open() || actor.source() == Actor.Source.SYSTEM) {
      return open();
    }
    if (actor.source() == Actor.Source.CLI) {
      return users.contains(actor.key());
    }
    if (users.contains(actor.id())) {
      return true;
    }
    for (String group : groups) {
      if (directory.members(group).contains(actor.id())) {
        return true;
      }
    }
    return false;
  }

  /** The policy's answer. */
  public sealed interface Verdict {
    record Allowed() implements Verdict {}

    /** {@code reason} says who may instead. */
    record Refused(String reason) implements Verdict {}
  }
}
