package dev.trunkbot.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one entry point that starts the sandbox: embedded emulators of the services trunkbot talks to, on loopback.
 * {@code Sandbox.builder().twilioPort(0).seedPhoneNumbers(dids).start()}; {@link #close()} stops them all.
 */
public final class Sandbox implements AutoCloseable {
    private final TwilioEmulator twilio;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(TwilioEmulator twilio) {
        this.twilio = twilio;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Twilio emulator (trunking v1 and the 2010 API's SIP lists and numbers). */
    public TwilioEmulator twilio() {
        return twilio;
    }

    /** Stops every emulator; later calls do nothing (a Ctrl-C hook and the command may both close). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            twilio.close();
        }
    }

    /** What to start, and on which ports (0 = any free port). */
    public static final class Builder {
        private int twilioPort;
        private TwilioEmulator.Account twilioAccount = TwilioEmulator.Account.sandbox();
        private final List<String> seedNumbers = new ArrayList<>();

        private Builder() { }

        public Builder twilioPort(int port) {
            this.twilioPort = checkPort("twilio port", port);
            return this;
        }

        /** The account the Twilio emulator accepts (default: the fixed sandbox account). */
        public Builder twilioAccount(TwilioEmulator.Account account) {
            this.twilioAccount = Objects.requireNonNull(account, "account");
            return this;
        }

        /** Purchased numbers of the Twilio account, E.164 or digits. */
        public Builder seedPhoneNumbers(Collection<String> numbers) {
            this.seedNumbers.addAll(numbers);
            return this;
        }

        /** Starts every emulator; if one fails to start, those already started are stopped. */
        public Sandbox start() throws IOException {
            TwilioEmulator twilio = TwilioEmulator.start(twilioPort, twilioAccount);
            try {
                twilio.seedPhoneNumbers(seedNumbers);
                return new Sandbox(twilio);
            } catch (RuntimeException e) {
                twilio.close();
                throw e;
            }
        }

        private static int checkPort(String what, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(what + " must be 0 (any free port) or 1-65535, got " + port);
            }
            return port;
        }
    }
}
