package dev.trunkbot.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade on one PostgreSQL: an engine of this version works (a run waits for approval,
 * others are in flight) while a "newer version" (this engine with one more migration, changing a
 * table every process writes to) starts on its own connection pool and migrates the database. The
 * older one goes on working, an older one restarted on the migrated database still starts (a newer
 * migration is left alone), and after the older ones stop, the run that waited for approval across
 * the upgrade is approved and completes on the newer one.
 */
class PostgresRollingUpgradeTest extends EngineContract {
  private static final String NEWER = "classpath:db/upgrade-probe";

  @Override
  String newDatabaseUrl(Path dir) {
    return TestDatabases.newPostgresUrl();
  }

  static WorkflowDefinition slow(AtomicInteger executed) {
    return WorkflowDefinition.builder("slow", 1)
        .step(
            Step.builder("work", "Work")
                .execute(
                    ctx -> {
                      Thread.sleep(1500);
                      executed.incrementAndGet();
                      return StepResult.done();
                    })
                .build())
        .build();
  }

  @Test
  void aNewerVersionMigratesWhileAnOlderRunsAndAWaitingRunCompletesAfterTheUpgrade()
      throws Exception {
    AtomicInteger approved = new AtomicInteger();
    AtomicInteger worked = new AtomicInteger();
    Engine older =
        engine(EngineContractTests.gated(approved), b -> b.register(slow(worked)).name("older"));
    RunId waiting = start(older, "gated");
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(() -> older.run(waiting).orElseThrow().state() == RunState.WAITING_APPROVAL);
    List<RunId> inFlight = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      inFlight.add(start(older, "slow"));
    }

    try (HikariDataSource own = TestDatabases.open(dataSource.getJdbcUrl())) {
      Engine newer =
          Engine.builder()
              .dataSource(own)
              .secretKey(KEY)
              .register(EngineContractTests.gated(approved))
              .register(slow(worked))
              .name("newer")
              .moreMigrations(NEWER)
              .build();
      try {
        assertThat(inFlight.stream().map(r -> older.run(r).orElseThrow().state()))
            .as("the older one is working")
            .contains(RunState.RUNNING);
        newer.start(); // migrates while the older one works
        assertThat(probe("SELECT MAX(version) FROM wf_schema_history WHERE success"))
            .isEqualTo("900");
        assertThat(probe("SELECT upgrade_probe FROM wf_run WHERE id = '" + waiting.value() + "'"))
            .as("the waiting run's row, changed by the newer version's migration")
            .isEqualTo("newer");

        for (RunId run : inFlight) {
          assertSucceeded(settled(older, run));
        }
        RunId afterwards = start(older, "slow");
        assertSucceeded(settled(older, afterwards));
        assertThat(worked).hasValue(7);

        Engine restarted = engine(slow(worked), b -> b.name("older-restarted"));
        assertThat(restarted.run(waiting)).isPresent();
        restarted.close();
        older.close();

        assertThat(newer.run(waiting).orElseThrow().state())
            .as("still waiting after the upgrade")
            .isEqualTo(RunState.WAITING_APPROVAL);
        assertThat(approved).as("not executed before its approval").hasValue(0);
        assertThat(newer.approve(waiting, "assign-dids", "bob", "after the upgrade"))
            .isInstanceOf(ApprovalOutcome.Decided.class);
        assertSucceeded(settled(newer, waiting));
        assertThat(approved).hasValue(1);
      } finally {
        newer.close();
      }
    }
  }

  private String probe(String sql) throws Exception {
    try (var c = dataSource.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
