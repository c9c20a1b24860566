#!/usr/bin/env bash
# A newcomer's path: a fresh clone, the README's demo command, and the backend answering.
# (The README's test command is what CI itself runs in a fresh clone.)
set -euo pipefail
SOURCE="$1"
WORK=$(mktemp -d)
DEMO_PID=""
cleanup() {
  if [ -n "$DEMO_PID" ]; then
    kill -TERM -- "-$DEMO_PID" 2>/dev/null || kill -TERM "$DEMO_PID" 2>/dev/null || true
    wait "$DEMO_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

git clone -q "$SOURCE" "$WORK/vigil"
cd "$WORK/vigil"
grep -q '\./scripts/demo' README.md || { echo "README does not give ./scripts/demo"; exit 1; }
grep -q '\./scripts/test' README.md || { echo "README does not give ./scripts/test"; exit 1; }

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
set -m # the demo gets its own process group, so cleanup stops the server it execs
VIGIL_DEMO_PROFILES=200 VIGIL_DEMO_LISTEN="127.0.0.1:$PORT" ./scripts/demo >demo.log 2>&1 &
DEMO_PID=$!
set +m

for _ in $(seq 1 900); do
  grep -q "listening on https://127.0.0.1:$PORT" demo.log && break
  kill -0 "$DEMO_PID" 2>/dev/null || { echo "scripts/demo exited early:"; cat demo.log; exit 1; }
  sleep 1
done
grep -q "listening on https://127.0.0.1:$PORT" demo.log || { echo "backend never came up:"; tail -50 demo.log; exit 1; }

URL="https://127.0.0.1:$PORT"
curl -sk "$URL/v1/health" | grep -q '"status":"ok"' || { echo "health check failed"; exit 1; }
PASSWORD=$(python3 -c 'import json,sys; print(next(a["password"] for a in json.load(open(sys.argv[1]))["agents"] if a["username"] == "tech1"))' demo-data/demo-credentials.json)
TOKEN=$(curl -sk "$URL/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"tech1\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
FIRST=$(curl -sk "$URL/v1/profiles?q=Jon%20Silvr&limit=1" -H "Authorization: Bearer $TOKEN" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["display_name"])')
[ "$FIRST" = "John P. Silver" ] || { echo "search found '$FIRST' first, not John P. Silver"; exit 1; }
echo "newcomer path: fresh clone, ./scripts/demo, backend up on $URL, search works"
