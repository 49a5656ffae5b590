package dev.trunkbot.workflow;

import java.nio.file.Path;

/** The engine contract on the embedded H2 file database (the default). */
class H2EngineTest extends EngineContractTests {
  @Override
  String newDatabaseUrl(Path dir) {
    return TestDatabases.h2Url(dir);
  }
}
