package dev.trunkbot.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.slack.api.methods.MethodsClient;
import dev.trunkbot.service.GroupDirectory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members of Slack user groups ({@code usergroups.users.list}), for approvers given as group ids.
 * Cached briefly, so that someone removed from the group loses the right within minutes; a group
 * that cannot be read has no members (nobody gains a right by an error).
 */
final class SlackGroupDirectory implements GroupDirectory {
  static final Duration EXPIRY = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(SlackGroupDirectory.class);
  private final LoadingCache<String, Set<String>> members;

  SlackGroupDirectory(MethodsClient client, Duration expiry) {
    members =
        Caffeine.newBuilder()
            .expireAfterWrite(expiry)
            .maximumSize(1_000)
            .build(
                group -> {
                  var r = client.usergroupsUsersList(q -> q.usergroup(group));
                  if (!r.isOk()) {
                    throw new IllegalStateException("usergroups.users.list: " + r.getError());
                  }
                  return Set.copyOf(r.getUsers());
                });
  }

  @Override
  public Set<String> members(String groupId) {
    try {
      return members.get(groupId);
    } catch (CompletionException | IllegalStateException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      LOG.warn("members of user group {} unknown: {}", groupId, Failures.describe(cause));
      return Set.of();
    } catch (RuntimeException e) {
      LOG.warn("members of user group {} unknown: {}", groupId, Failures.describe(e));
      return Set.of();
    }
  }
}
