package dev.trunkbot.slack;

/** The action and callback ids that tie Slack's payloads to trunkbot's handlers. */
final class Ids {
  static final String COMMAND = "/trunk";
  static final String APPROVE = "trunk_approve";
  static final String REJECT = "trunk_reject";
  static final String RETRY = "trunk_retry";
  static final String ROLLBACK = "trunk_rollback";
  static final String CANCEL = "trunk_cancel";
  static final String SHARE = "trunk_share";
  static final String CREATE_VIEW = "trunk_create";
  static final String PLAN_VIEW = "trunk_plan";
  static final String REJECT_VIEW = "trunk_reject_reason";

  private Ids() {}
}
