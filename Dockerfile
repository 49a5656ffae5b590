# trunkbot's image: builds the jar, runs `trunkbot serve` as a non-root user.
#   docker build -t trunkbot .
#   docker run --rm -e SLACK_BOT_TOKEN=xoxb-... -e SLACK_APP_TOKEN=xapp-... trunkbot
# With only the Slack tokens it is the sandbox bot (emulated Twilio and PortSIP inside the container).
# Other commands: docker run --rm trunkbot --help | validate --file examples/system-trunk.yaml | ...
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/trunkbot --create-home trunkbot
COPY --from=build /src/target/trunkbot.jar /opt/trunkbot/trunkbot.jar
COPY examples /opt/trunkbot/examples
# A class-data archive of the classes one sandbox run loads (emulators on loopback: no network at build time), used
# with the quick compiler by the ENTRYPOINT: on 2 cores `serve` is ready in about 1.5 s instead of 3.3 s, and holds
# less memory. The bot waits on Slack, Twilio and the PBX, not on the CPU. A JVM that cannot use the archive starts
# without it.
RUN TRUNKBOT_HOME=/tmp/training java -Xlog:cds=off -Xlog:cds+dynamic=off \
      -XX:ArchiveClassesAtExit=/opt/trunkbot/trunkbot.jsa -jar /opt/trunkbot/trunkbot.jar \
      create --file /opt/trunkbot/examples/system-trunk.yaml --auto-approve >/dev/null \
    && rm -rf /tmp/training
# TRUNKBOT_HOME: the embedded database and key file, owned by trunkbot (mount a volume to keep them).
# The management port listens on every address of the container (its own network namespace), so that
# `-p 9090:9090` and Prometheus can reach it; outside a container it stays on loopback by default.
ENV TRUNKBOT_HOME=/var/lib/trunkbot \
    TRUNKBOT_MANAGEMENT_ADDRESS=0.0.0.0 \
    TRUNKBOT_MANAGEMENT_PORT=9090
USER trunkbot
WORKDIR /opt/trunkbot
VOLUME /var/lib/trunkbot
# 9090: /healthz /readyz /metrics; 3000: Slack's HTTP mode (Socket Mode opens none)
EXPOSE 9090 3000
# Alive = /healthz answers 200 (bash's /dev/tcp: no curl needed in the image).
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${TRUNKBOT_MANAGEMENT_PORT} && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
# SIGTERM (docker stop) drains within TRUNKBOT_SHUTDOWN_TIMEOUT (30 s) and exits 0: give docker stop
# a longer grace period than that (docker stop -t 45, compose stop_grace_period).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/trunkbot/trunkbot.jsa", "-XX:TieredStopAtLevel=1", \
            "-XX:MaxRAMPercentage=75", "-jar", "/opt/trunkbot/trunkbot.jar"]
CMD ["serve"]
