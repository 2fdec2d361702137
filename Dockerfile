# Kubelab: build with Maven on a JDK 17, run on a JRE 17 as a non-root user.
#   docker build -t kubelab .
#   docker run -p 8080:8080 -p 6443:6443 kubelab

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Poms first, so the dependency layer is reused while only sources change.
COPY pom.xml ./
COPY web/pom.xml web/
COPY scenarios/pom.xml scenarios/
COPY backend/pom.xml backend/
RUN mvn -B -ntp -q -pl backend -am dependency:go-offline -DexcludeGroupIds=io.kubelab || true
COPY . .
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin kubelab \
 && mkdir -p /app /data \
 && chown kubelab:kubelab /data
WORKDIR /app
COPY --from=build /src/backend/target/kubelab.jar /app/kubelab.jar

ENV PORT=8080 \
    KUBELAB_DATA=/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"
VOLUME /data
EXPOSE 8080 6443 5701
USER kubelab

HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" >/dev/null || exit 1

# exec: java is PID 1 and receives SIGTERM, so it drains and leaves the cluster cleanly.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/kubelab.jar"]
