package dev.trunkbot.workflow;

import java.nio.file.Path;

/** Intents on a real PostgreSQL. */
class PostgresStepIntentsTest extends StepIntentsContractTests {
  @Override
  String newDatabaseUrl(Path dir) {
    return TestDatabases.newPostgresUrl();
  }
}
