#!/usr/bin/env bash
# CI hook: builds the container image and smoke-tests it (read-only file system, non-root, health
# check, a scored request) where a Docker daemon is available. Where it is not, it says so loudly
# and exits 0: the production build itself is tested by `npm test` (test/production.test.ts).
set -euo pipefail
cd "$(dirname "$0")/../../.."

banner() {
  local line
  line=$(printf '%.0s!' {1..78})
  printf '\n%s\n  %s\n%s\n\n' "$line" "$1" "$line"
}

if ! command -v docker >/dev/null 2>&1; then
  banner "DOCKER IMAGE NOT BUILT: no docker command on this machine (functions/deal-scoring/Dockerfile untested here)"
  exit 0
fi
if ! docker info >/dev/null 2>&1; then
  banner "DOCKER IMAGE NOT BUILT: docker is installed but no daemon answers (functions/deal-scoring/Dockerfile untested here)"
  exit 0
fi

tag="deal-scoring:ci-$$"
key="ci-docker-key-0123456789abcdef"
docker build -f functions/deal-scoring/Dockerfile -t "$tag" .
user=$(docker image inspect --format '{{.Config.User}}' "$tag")
[ "$user" = "node" ] || { echo "image runs as '$user', expected node" >&2; exit 1; }
cid=$(docker run -d --read-only -p 127.0.0.1::8080 -e DEAL_SCORING_API_KEYS="$key" "$tag")
trap 'docker rm -f "$cid" >/dev/null 2>&1 || true; docker rmi "$tag" >/dev/null 2>&1 || true' EXIT
port=$(docker port "$cid" 8080/tcp | head -n1 | sed 's/.*://')
for _ in $(seq 1 60); do
  status=$(docker inspect --format '{{.State.Health.Status}}' "$cid")
  [ "$status" = "healthy" ] && break
  sleep 1
done
[ "$status" = "healthy" ] || { docker logs "$cid" >&2; echo "container never became healthy" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/ready" >/dev/null
curl -fsS -H "authorization: Bearer $key" -H 'content-type: application/json' \
  --data @functions/deal-scoring/examples/score-request.json "http://127.0.0.1:$port/v1/score" | grep -q '"triageStatus"'
docker stop -t 30 "$cid" >/dev/null
echo "docker image: built, healthy, read-only, non-root, scored a request, stopped cleanly"
