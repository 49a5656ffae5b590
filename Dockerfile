# Build: docker build -t trunkbot .   Run: docker run --rm -e SLACK_BOT_TOKEN=... trunkbot <command>
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/trunkbot --create-home trunkbot
USER trunkbot
ENV TRUNKBOT_HOME=/var/lib/trunkbot
COPY --from=build /src/target/trunkbot.jar /opt/trunkbot/trunkbot.jar
COPY examples /opt/trunkbot/examples
WORKDIR /opt/trunkbot
ENTRYPOINT ["java", "-jar", "/opt/trunkbot/trunkbot.jar"]
CMD ["--help"]
