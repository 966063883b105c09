#!/usr/bin/env bash
# Runs SitRep on this machine: a real Kafka broker and a real PostgreSQL server (embedded, no Docker), the three
# services on localhost, a demo data set and a first briefing. Ctrl-C or SIGTERM stops everything cleanly.
#
#   deploy/local/run.sh [--no-demo] [--reset] [--rebuild]
#
# Needs a JDK (17+) and Maven. State (Kafka and PostgreSQL data, logs) lives in .sitrep-local/ at the repository root.
# Ports: SITREP_INGEST_PORT (8081), SITREP_RISK_PORT (8082), SITREP_BRIEFING_PORT (8083), SITREP_KAFKA_PORT (19092),
# SITREP_POSTGRES_PORT (15432). Works as root and as a normal user.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="$ROOT/.sitrep-local"
INGEST_PORT="${SITREP_INGEST_PORT:-8081}"
RISK_PORT="${SITREP_RISK_PORT:-8082}"
BRIEFING_PORT="${SITREP_BRIEFING_PORT:-8083}"
KAFKA_PORT="${SITREP_KAFKA_PORT:-19092}"
PG_PORT="${SITREP_POSTGRES_PORT:-15432}"
DEMO=1
REBUILD=0

for arg in "$@"; do
  case "$arg" in
    --no-demo) DEMO=0 ;;
    --reset) rm -rf "$STATE" ;;
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

mkdir -p "$STATE/logs"
cd "$ROOT"
MVN="$("$ROOT/deploy/local/maven.sh")"

SERVICES=(report-ingest-service risk-analysis-service briefing-service)
missing=0
for s in "${SERVICES[@]}"; do
  [ -f "$s/target/quarkus-app/quarkus-run.jar" ] || missing=1
done
[ -d embedded-infra/target/classes ] || missing=1
if [ "$missing" = 1 ] || [ "$REBUILD" = 1 ]; then
  echo "building SitRep (tests skipped; run them with: mvn verify) ..."
  "$MVN" -B -q install -DskipTests
fi
if [ ! -s "$STATE/infra.classpath" ] || [ embedded-infra/pom.xml -nt "$STATE/infra.classpath" ]; then
  "$MVN" -B -q -pl embedded-infra dependency:build-classpath -Dmdep.outputFile="$STATE/infra.classpath" >/dev/null
fi

PIDS=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "stopping SitRep ..."
  # services first (they drain their consumers and relays), then Kafka and PostgreSQL
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
    wait "${PIDS[$i]}" 2>/dev/null || true
  done
  echo "stopped."
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

echo "starting Kafka (127.0.0.1:$KAFKA_PORT) and PostgreSQL (127.0.0.1:$PG_PORT) ..."
java -Xmx768m -cp "embedded-infra/target/classes:$(cat "$STATE/infra.classpath")" \
  org.sitrep.infra.LocalInfrastructure "$STATE/data" "$KAFKA_PORT" "$PG_PORT" > "$STATE/logs/infrastructure.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 240); do
  grep -qs '^READY' "$STATE/logs/infrastructure.log" && break
  kill -0 "${PIDS[0]}" 2>/dev/null || { echo "infrastructure failed to start, see $STATE/logs/infrastructure.log" >&2; tail -20 "$STATE/logs/infrastructure.log" >&2; exit 1; }
  sleep 0.5
done
grep -q '^READY' "$STATE/logs/infrastructure.log" || { echo "infrastructure did not become ready" >&2; exit 1; }

JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/sitrep"
start_service() {
  local name="$1" port="$2"
  java -Xmx512m \
    -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
    -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" \
    -Dquarkus.datasource.jdbc.url="$JDBC" \
    -Dsitrep.risk-analysis.url="http://127.0.0.1:$RISK_PORT" \
    -jar "$name/target/quarkus-app/quarkus-run.jar" > "$STATE/logs/$name.log" 2>&1 &
  PIDS+=($!)
}
echo "starting the services ..."
start_service report-ingest-service "$INGEST_PORT"
start_service risk-analysis-service "$RISK_PORT"
start_service briefing-service "$BRIEFING_PORT"
java deploy/local/LocalDemo.java wait \
  "http://127.0.0.1:$INGEST_PORT/q/health/ready" \
  "http://127.0.0.1:$RISK_PORT/q/health/ready" \
  "http://127.0.0.1:$BRIEFING_PORT/q/health/ready" || { echo "a service did not start; logs in $STATE/logs" >&2; exit 1; }

if [ "$DEMO" = 1 ]; then
  echo "loading the demo data set ..."
  java deploy/local/LocalDemo.java seed "http://127.0.0.1:$INGEST_PORT" "http://127.0.0.1:$BRIEFING_PORT" \
    risk-analysis-service/src/main/resources/corpus 240 \
    risk-analysis-service/src/main/resources/incidents/duplicate-groups.jsonl 40
fi

cat <<INFO

SitRep is running.
  Duty officer's page      http://127.0.0.1:$BRIEFING_PORT/
  Latest briefing (HTML)   http://127.0.0.1:$BRIEFING_PORT/api/v1/briefings/latest   (open in a browser)
  Situation map (JSON)     http://127.0.0.1:$BRIEFING_PORT/api/v1/situation?regionCode=610900
  Reports                  http://127.0.0.1:$INGEST_PORT/api/v1/reports
  Submit a report          POST http://127.0.0.1:$INGEST_PORT/api/v1/reports
  Early warnings           http://127.0.0.1:$RISK_PORT/api/v1/alerts   (CAP 1.2 with Accept: application/cap+xml)
  Classify text            POST http://127.0.0.1:$RISK_PORT/api/v1/classify
  Taxonomy                 http://127.0.0.1:$RISK_PORT/api/v1/taxonomy
  OpenAPI                  http://127.0.0.1:$INGEST_PORT/q/openapi  (and :$RISK_PORT, :$BRIEFING_PORT)
  Health, metrics          /q/health/ready, /q/metrics on each service
  Kafka                    127.0.0.1:$KAFKA_PORT
  PostgreSQL               $JDBC (user postgres)
  Logs                     $STATE/logs
Press Ctrl-C to stop.
INFO

wait "${PIDS[0]}"
