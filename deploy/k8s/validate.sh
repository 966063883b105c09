#!/usr/bin/env bash
# Validates SitRep's Kubernetes manifests offline, without a cluster:
#   1. renders the base and every overlay with `kubectl kustomize`;
#   2. validates every built-in document (Deployment, Service, NetworkPolicy, ...) against the Kubernetes schema
#      with the npm package kubernetes-models, and checks the custom resources (Strimzi Kafka, KafkaNodePool,
#      KafkaTopic; CloudNativePG Cluster) and the references between all documents by hand (.validate/check.mjs);
#   3. checks that the region catalogue in base/ is the one bundled with the services.
# Exits non-zero on any problem.
#
# Needs kubectl (for kustomize), node and npm. The npm packages (pinned in .validate/package.json) are installed
# into .validate/node_modules, which git ignores.
#
#   deploy/k8s/validate.sh             # base, overlays/dev, overlays/prod
#   deploy/k8s/validate.sh overlays/prod
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tools="$here/.validate"
rendered="$tools/rendered"

fail() { echo "validate.sh: $*" >&2; exit 1; }

for tool in kubectl node npm; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" -ge 18 ]] || fail "node 18 or later is needed (found $(node --version))"

# --- npm packages, installed once (again when package.json pins other versions)
installed_matches() {
  node --input-type=module -e '
    import { readFileSync, existsSync } from "node:fs";
    const want = JSON.parse(readFileSync("package.json", "utf8")).dependencies;
    for (const [name, version] of Object.entries(want)) {
      const file = `node_modules/${name}/package.json`;
      if (!existsSync(file) || JSON.parse(readFileSync(file, "utf8")).version !== version) process.exit(1);
    }' 2>/dev/null
}
if ! (cd "$tools" && installed_matches); then
  echo "installing the validation packages into deploy/k8s/.validate/node_modules"
  (cd "$tools" && npm install --no-package-lock --no-save --no-audit --no-fund --loglevel=error >/dev/null) \
    || fail "npm install failed in $tools"
  (cd "$tools" && installed_matches) || fail "npm did not install the versions pinned in .validate/package.json"
fi

# --- render
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(base overlays/dev overlays/prod)
rm -rf "$rendered"
mkdir -p "$rendered"
args=()
for target in "${targets[@]}"; do
  [[ -f "$here/$target/kustomization.yaml" ]] || fail "$target has no kustomization.yaml"
  out="$rendered/${target//\//-}.yaml"
  if ! kubectl kustomize "$here/$target" >"$out" 2>"$out.err"; then
    cat "$out.err" >&2
    fail "kubectl kustomize $target failed"
  fi
  rm -f "$out.err"
  args+=("$target=$out")
done

# --- the region catalogue copy
status=0
bundled="$repo/region-catalogue/src/main/resources/regions/regions.csv"
if [[ -f "$bundled" ]] && ! cmp -s "$bundled" "$here/base/regions/regions.csv"; then
  echo "FAIL  base/regions/regions.csv differs from region-catalogue/src/main/resources/regions/regions.csv;" \
       "copy it again (from the repository root): cp region-catalogue/src/main/resources/regions/regions.csv deploy/k8s/base/regions/regions.csv"
  status=1
fi

# --- validate
(cd "$tools" && node check.mjs --repo "$repo" "${args[@]}") || status=1

if [[ $status -eq 0 ]]; then
  echo "validate.sh: all manifests valid (${targets[*]})"
else
  echo "validate.sh: problems found" >&2
fi
exit $status
