package dev.trunkbot.cli;

import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.RunSummary;

/** The README's exit codes. */
final class Exit {
  static final int SUCCEEDED = 0;
  static final int FAILED = 1;
  static final int BAD_INPUT = 2;
  static final int WAITING_FOR_APPROVAL = 3;
  static final int CHANGES_PENDING = 4;

  /** Which end state a command was after. */
  enum Wanted {
    /** The run succeeded. */
    SUCCESS,
    /** The run was rolled back. */
    ROLLED_BACK,
    /** The run was rejected (a successful reject). */
    REJECTED,
    /** The run was cancelled. */
    CANCELLED
  }

  private Exit() {}

  /** 0 when the run reached what was wanted, 3 waiting for approval, 1 anything else. */
  static int of(RunSummary run, Wanted wanted) {
    RunStatus s = run.state();
    boolean reached =
        switch (wanted) {
          case SUCCESS -> s == RunStatus.SUCCEEDED;
          case ROLLED_BACK -> s == RunStatus.ROLLED_BACK;
          case REJECTED -> s == RunStatus.REJECTED;
          case CANCELLED -> s == RunStatus.CANCELLED;
        };
    if (reached) {
      return SUCCEEDED;
    }
    return s == RunStatus.WAITING_APPROVAL ? WAITING_FOR_APPROVAL : FAILED;
  }
}
