package dev.trunkbot.slack;

import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.StepStatus;

/** The words and emoji for run and step states. */
final class Labels {
  private Labels() {}

  static String step(StepStatus state) {
    return switch (state) {
      case PENDING -> "pending";
      case RUNNING -> "running";
      case WAITING_APPROVAL -> "waiting for approval";
      case SUCCEEDED -> "succeeded";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
      case UNDONE -> "undone";
    };
  }

  static String stepEmoji(StepStatus state) {
    return switch (state) {
      case PENDING -> ":white_circle:";
      case RUNNING -> ":hourglass_flowing_sand:";
      case WAITING_APPROVAL -> ":raised_hand:";
      case SUCCEEDED -> ":white_check_mark:";
      case FAILED -> ":x:";
      case CANCELLED -> ":no_entry_sign:";
      case UNDONE -> ":leftwards_arrow_with_hook:";
    };
  }

  static String run(RunStatus state) {
    return switch (state) {
      case RUNNING -> "running";
      case WAITING_APPROVAL -> "waiting for approval";
      case SUCCEEDED -> "succeeded";
      case FAILED -> "failed";
      case REJECTED -> "rejected";
      case CANCELLED -> "cancelled";
      case ROLLING_BACK -> "rolling back";
      case ROLLED_BACK -> "rolled back";
    };
  }

  static String runEmoji(RunStatus state) {
    return switch (state) {
      case RUNNING -> ":hourglass_flowing_sand:";
      case WAITING_APPROVAL -> ":raised_hand:";
      case SUCCEEDED -> ":white_check_mark:";
      case FAILED -> ":x:";
      case REJECTED -> ":no_entry:";
      case CANCELLED -> ":no_entry_sign:";
      case ROLLING_BACK -> ":rewind:";
      case ROLLED_BACK -> ":leftwards_arrow_with_hook:";
    };
  }
}
