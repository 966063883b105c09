#!/usr/bin/env bash
# Prints the Maven command to use: the installed one when it is 3.8 or newer, else Maven 3.9.16 fetched once into
# .sitrep-local/maven through the installed Maven's own repository access.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if command -v mvn >/dev/null 2>&1; then
  version="$(mvn -v 2>/dev/null | sed -n 's/^Apache Maven \([0-9]*\.[0-9]*\).*/\1/p' | head -1)"
  major="${version%%.*}"; minor="${version#*.}"
  if [ -n "$version" ] && { [ "$major" -gt 3 ] || { [ "$major" -eq 3 ] && [ "$minor" -ge 8 ]; }; }; then
    echo mvn
    exit 0
  fi
fi
local_mvn="$ROOT/.sitrep-local/maven/apache-maven-3.9.16/bin/mvn"
if [ ! -x "$local_mvn" ]; then
  command -v mvn >/dev/null 2>&1 || { echo "Maven is required (mvn not found)" >&2; exit 1; }
  mkdir -p "$ROOT/.sitrep-local/maven"
  mvn -B -q dependency:copy -Dartifact=org.apache.maven:apache-maven:3.9.16:tar.gz:bin \
    -DoutputDirectory="$ROOT/.sitrep-local/maven" >&2
  tar -xzf "$ROOT/.sitrep-local/maven/apache-maven-3.9.16-bin.tar.gz" -C "$ROOT/.sitrep-local/maven"
fi
echo "$local_mvn"
