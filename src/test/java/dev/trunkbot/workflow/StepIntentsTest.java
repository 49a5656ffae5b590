package dev.trunkbot.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intents table on its own: a fan-out's keys in one transaction, and what it refuses. */
class StepIntentsTest {
  @TempDir Path dir;
  private HikariDataSource database;
  private final AtomicInteger commits = new AtomicInteger();
  private StepIntents intents;
  private final RunId run = RunId.random();

  @BeforeEach
  void open() {
    database = TestDatabases.open(TestDatabases.h2Url(dir));
    Databases.migrate(database);
    intents = new StepIntents(new Jdbc(counting(database)), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void fiveHundredDidsAreIntendedInOneCommit() {
    List<String> sids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      sids.add("PN" + i);
    }
    intents.record(run, "assign-dids", "number", sids);
    assertThat(commits).hasValue(1);
    assertThat(intents.of(run, "number")).hasSize(500);
    assertThat(intents.steps(run)).containsExactly("assign-dids");
  }

  @Test
  void refusesKeysThatCannotBeStored() {
    assertThatThrownBy(() -> intents.record(run, "s", "number", List.of("")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> intents.record(run, "s", "", List.of("PN1")))
        .isInstanceOf(IllegalArgumentException.class);
    intents.record(run, "s", "number", List.of());
    assertThat(intents.of(run, "number")).isEmpty();
  }

  /** The same database, counting the transactions committed through it. */
  private DataSource counting(DataSource real) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = method.invoke(real, args);
              if (!(result instanceof Connection c)) {
                return result;
              }
              return Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("commit")) {
                      commits.incrementAndGet();
                    }
                    return m.invoke(c, a);
                  });
            });
  }
}
