package dev.trunkbot.slack;

import dev.trunkbot.service.TrunkService;

/** What every handler works with: the service, the slow-work pool, and the way to answer. */
record Bot(TrunkService service, Work work, Say say) {}
