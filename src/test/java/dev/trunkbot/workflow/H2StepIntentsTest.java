package dev.trunkbot.workflow;

import java.nio.file.Path;

/** Intents on the embedded H2 file database. */
class H2StepIntentsTest extends StepIntentsContractTests {
  @Override
  String newDatabaseUrl(Path dir) {
    return TestDatabases.h2Url(dir);
  }
}
