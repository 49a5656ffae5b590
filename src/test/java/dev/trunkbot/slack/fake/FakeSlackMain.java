package dev.trunkbot.slack.fake;

/**
 * The fake Slack on its own, for measuring {@code serve} as a whole process: prints the variables
 * that point {@code serve} at it, then serves until killed.
 */
public final class FakeSlackMain {
  private FakeSlackMain() {}

  public static void main(String[] args) throws Exception {
    FakeSlack slack = FakeSlack.start();
    slack.socketEnv().forEach((k, v) -> System.out.println(k + "=" + v));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
