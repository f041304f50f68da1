#!/usr/bin/env bash
# The site at the edge: the application behind deploy/nginx.conf, measured in one run.
#   bash bench/edge.sh
# 1. A guide page through nginx against nginx serving a static file of the same size
#    (wrk, same connections and duration, the best of 3 rounds each; the goal is at least
#    0.8 of the static rate).
# 2. How long an admin save takes to appear through nginx (the s-maxage, measured).
# 3. Cached pages are still served while every application instance is stopped.
# SQLite and the process's own cache: the edge, not the database, is what is measured.
# Needs nginx and wrk (apt-get install nginx-light wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

APP_PORT=${APP_PORT:-8761}
EDGE_PORT=${EDGE_PORT:-8760}
WORKERS=${WORKERS:-2}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-8}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
PAGE=${PAGE:-/guides/what-is-the-pip/}
work=$(mktemp -d /tmp/wegwijs-edge-XXXX)
chmod 755 "$work"  # nginx workers (user nobody when started as root) read and write here
app_pid=""
nginx_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in nginx wrk curl; do
  command -v "$tool" >/dev/null || { echo "Missing $tool (apt-get install nginx-light wrk curl)"; exit 1; }
done

export DATABASE_URL="sqlite:///$work/db.sqlite3" DJANGO_LOG_LEVEL=WARNING
unset REDIS_URL
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_content -v0 >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
cp -r staticfiles "$work/staticfiles"

start_app() {
  .venv/bin/gunicorn wegwijs.wsgi --bind "127.0.0.1:$APP_PORT" --workers "$WORKERS" \
    --log-level warning >>"$work/gunicorn.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/healthz/ready" && return 0
    sleep 0.1
  done
  echo "FAIL: the application did not start (port $APP_PORT taken?)"; cat "$work/gunicorn.log"; exit 1
}
start_app

# deploy/nginx.conf as shipped; only the two ports differ.
sed -e "s/server 127.0.0.1:8000;/server 127.0.0.1:$APP_PORT;/" \
    -e "s/listen 127.0.0.1:8080;/listen 127.0.0.1:$EDGE_PORT;/" deploy/nginx.conf >"$work/nginx.conf"
nginx -p "$work/" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
edge="http://127.0.0.1:$EDGE_PORT"
for _ in $(seq 1 50); do curl -sf -o /dev/null "$edge/healthz/live" && break; sleep 0.1; done
curl -sf -o /dev/null "$edge/healthz/live" || { echo "FAIL: nginx did not start"; cat "$work/nginx-error.log"; exit 1; }

size=$(curl -s "$edge$PAGE" | wc -c)
curl -s "$edge$PAGE" | head -c "$size" >"$work/staticfiles/edge-same-size.html"
echo "== $PAGE through nginx ($size bytes) against a static file of the same size"
echo "   headers from nginx: $(curl -sI "$edge$PAGE" | grep -iE '^(cache-control|x-edge-cache):' | tr -d '\r' | paste -sd' ')"

rate() {  # requests per second for a URL, and the number of errors
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "$1")
  local rps bad sock
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  sock=$(grep -c "Socket errors" <<<"$out" || true)
  if [ -n "$bad" ] || [ "$sock" != "0" ]; then echo "FAIL: errors under load: $out" >&2; exit 1; fi
  echo "$rps"
}
wrk -t2 -c"$CONNECTIONS" -d2s "$edge$PAGE" >/dev/null  # warm up both
wrk -t2 -c"$CONNECTIONS" -d2s "$edge/static/edge-same-size.html" >/dev/null
# ROUNDS rounds, the page and the file in turn, and the best rate of each: on a small
# machine wrk and nginx share the cores, and one 8-second run can be 15% off either way.
page_rates=()
static_rates=()
for round in $(seq 1 "$ROUNDS"); do
  page_rates+=("$(rate "$edge$PAGE")")
  static_rates+=("$(rate "$edge/static/edge-same-size.html")")
  printf '   round %s: page %10s, static %10s req/s\n' "$round" "${page_rates[-1]}" "${static_rates[-1]}"
done
page_rps=$(printf '%s\n' "${page_rates[@]}" | sort -g | tail -1)
static_rps=$(printf '%s\n' "${static_rates[@]}" | sort -g | tail -1)
ratio=$(python3 -c "print(f'{$page_rps / $static_rps:.2f}')")
printf '   guide page through nginx   %10s req/s (best of %s)\n' "$page_rps" "$ROUNDS"
printf '   static file from nginx     %10s req/s (best of %s)\n' "$static_rps" "$ROUNDS"
printf '   ratio                      %10s (goal: at least 0.80)\n' "$ratio"

echo "== an admin save, until it shows through nginx"
shared=$(.venv/bin/python -c "import os,sys; sys.path.insert(0,'.'); os.environ['DJANGO_SETTINGS_MODULE']='wegwijs.settings'; import django; django.setup(); from django.conf import settings; print(settings.PAGE_CACHE_SHARED_SECONDS)")
worst=0
for trial in 1 2 3; do
  curl -s -o /dev/null "$edge$PAGE"  # the page is in nginx's cache
  sleep "0.$((trial * 3))"            # saves land at different points of its lifetime
  stamp="edited for the edge check $trial-$RANDOM"
  # What admin does on save: the record changes and content_changed() bumps the version.
  .venv/bin/python - "$PAGE" "$stamp" <<'PY'
import os, sys
sys.path.insert(0, ".")
os.environ["DJANGO_SETTINGS_MODULE"] = "wegwijs.settings"
import django
django.setup()
from django.db import transaction
from core.cache import content_changed
from guides.models import Guide
slug = sys.argv[1].strip("/").split("/")[-1]
with transaction.atomic():
    guide = Guide.objects.get(slug=slug)
    guide.summary = sys.argv[2]
    guide.save()
    content_changed()
PY
  saved=$(date +%s.%N)
  while ! curl -s "$edge$PAGE" | grep -q "$stamp"; do sleep 0.05; done
  seen=$(python3 -c "print(f'{$(date +%s.%N) - $saved:.2f}')")
  worst=$(python3 -c "print(max($worst, $seen))")
  echo "   save $trial visible through nginx after ${seen} s"
done
echo "   longest: ${worst} s (s-maxage is ${shared} s)"

echo "== every application instance stopped"
for path in / /topics/ /guides/ "$PAGE"; do curl -s -o /dev/null "$edge$path"; done
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
served=0; total=0; start=$(date +%s)
while [ $(( $(date +%s) - start )) -lt $((shared * 3)) ]; do
  for path in / /topics/ /guides/ "$PAGE"; do
    total=$((total + 1))
    status=$(curl -s -o /dev/null -w '%{http_code}' "$edge$path")
    [ "$status" = 200 ] && served=$((served + 1))
  done
  sleep 0.5
done
state=$(curl -sI "$edge$PAGE" | awk -F': ' 'tolower($1)=="x-edge-cache" {print $2}' | tr -d '\r')
never=$(curl -s -o /dev/null -w '%{http_code}' "$edge/sources/")
echo "   $served of $total requests answered 200 over $((shared * 3)) s with no application (X-Edge-Cache: $state)"
echo "   a page never cached: $never (nothing to serve)"

echo
echo "RESULT page/static $ratio ($page_rps vs $static_rps req/s), admin save visible within ${worst} s, $served/$total served with the application stopped"
python3 -c "import sys; sys.exit(0 if $ratio >= 0.8 and $served == $total else 1)" \
  && echo "PASS" || { echo "FAIL: below the goal"; exit 1; }
