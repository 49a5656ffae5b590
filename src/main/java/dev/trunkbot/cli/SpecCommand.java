package dev.trunkbot.cli;

import dev.trunkbot.service.ServiceFactory;
import dev.trunkbot.trunk.TrunkSpec;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/** A command about one trunk's spec, given by {@code --file} and/or flags. */
abstract class SpecCommand extends RunCommand {
  @Mixin SpecOptions specOptions;

  /** The checked spec; set before {@link #run}. */
  TrunkSpec trunk;

  SpecCommand(ServiceFactory services) {
    super(services);
  }

  @Override
  final Optional<TrunkSpec> trunk() {
    trunk = specOptions.spec();
    return Optional.of(trunk);
  }
}
