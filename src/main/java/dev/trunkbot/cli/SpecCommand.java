package dev.trunkbot.cli;

import dev.trunkbot.trunk.TrunkSpec;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/**
 * A command about one trunk's spec, given by {@code --file} and/or flags; the sandbox is seeded
 * with it.
 */
abstract class SpecCommand extends RunCommand {
  @Mixin SpecOptions specOptions;

  /** The checked spec; set before {@link #run(Backend)}. */
  TrunkSpec trunk;

  SpecCommand(Backend.Factory backends) {
    super(backends);
  }

  @Override
  final Optional<TrunkSpec> seed() {
    trunk = specOptions.spec();
    return Optional.of(trunk);
  }
}
