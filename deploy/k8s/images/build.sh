#!/usr/bin/env bash
# Builds the JVM images of the three SitRep services (and pushes them with --push).
#
#   deploy/k8s/images/build.sh [--push] [service ...]
#
# Environment:
#   IMAGE_PREFIX    repository prefix of the images (default: sitrep); e.g. <your registry>/sitrep
#   IMAGE_TAG       tag (default: the project version from the root pom.xml)
#   CONTAINER_TOOL  docker or podman (default: docker if installed, else podman)
#   SKIP_MAVEN=1    use the existing target/quarkus-app of each module instead of running mvn package
#
# Then set the same names and tag in the overlay's `images:` list (newName/newTag) and apply it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
dockerfile="$root/deploy/k8s/images/Dockerfile"
declare -A ports=([report-ingest-service]=8081 [risk-analysis-service]=8082 [briefing-service]=8083)

push=false
services=()
for arg in "$@"; do
  case "$arg" in
    --push) push=true ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *)
      if [[ -z "${ports[$arg]:-}" ]]; then echo "unknown service: $arg (one of: ${!ports[*]})" >&2; exit 2; fi
      services+=("$arg") ;;
  esac
done
[[ ${#services[@]} -gt 0 ]] || services=(report-ingest-service risk-analysis-service briefing-service)

tool="${CONTAINER_TOOL:-}"
if [[ -z "$tool" ]]; then
  if command -v docker >/dev/null 2>&1; then tool=docker
  elif command -v podman >/dev/null 2>&1; then tool=podman
  else echo "neither docker nor podman is installed; set CONTAINER_TOOL" >&2; exit 1
  fi
fi

prefix="${IMAGE_PREFIX:-sitrep}"
tag="${IMAGE_TAG:-}"
if [[ -z "$tag" ]]; then
  # the first <version> after the parent's <artifactId>: the project version
  tag="$(sed -n '/<modelVersion>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n1)"
fi
[[ -n "$tag" ]] || { echo "cannot read the project version from pom.xml; set IMAGE_TAG" >&2; exit 1; }

if [[ "${SKIP_MAVEN:-}" != 1 ]]; then
  modules="$(IFS=,; echo "${services[*]}")"
  (cd "$root" && mvn -B -q package -DskipTests -pl "$modules" -am)
fi

for service in "${services[@]}"; do
  app="$root/$service/target/quarkus-app/quarkus-run.jar"
  [[ -f "$app" ]] || { echo "$app is missing: build the module first (mvn package)" >&2; exit 1; }
  image="$prefix/$service:$tag"
  echo "building $image"
  "$tool" build -f "$dockerfile" --build-arg "SERVICE_PORT=${ports[$service]}" -t "$image" "$root/$service"
  if $push; then
    "$tool" push "$image"
  fi
done
