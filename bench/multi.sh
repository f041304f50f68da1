#!/usr/bin/env bash
# Two app instances behind nginx, sharing PostgreSQL and Redis, all on loopback:
#   bash bench/multi.sh
# Loads content into a fresh PostgreSQL database, starts two gunicorn instances and nginx in
# front, load-tests through nginx (wrk), then changes a guide and checks that BOTH instances
# serve the new text at once (the page cache is shared in Redis and keyed by the content
# version in PostgreSQL). Needs: PostgreSQL and Redis on 127.0.0.1, nginx and wrk (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

PG=${POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
DB=wegwijs_multi
REDIS=${REDIS_URL:-redis://127.0.0.1:6379/7}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
work=$(mktemp -d /tmp/wegwijs-multi-XXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in nginx wrk psql redis-cli; do
  command -v "$tool" >/dev/null || { echo "Missing $tool (apt-get install nginx wrk postgresql-client redis-tools)"; exit 1; }
done

echo "== fresh database $DB, shared cache $REDIS"
psql "$PG" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
redis-cli -u "$REDIS" flushdb >/dev/null
export DATABASE_URL="${PG%/*}/$DB" REDIS_URL="$REDIS" DJANGO_LOG_LEVEL=WARNING
cp -r content "$work/content"
export WEGWIJS_CONTENT_DIR="$work/content"
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_content >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0

for port in 8101 8102; do
  .venv/bin/gunicorn wegwijs.wsgi --bind 127.0.0.1:$port --workers 2 --log-level warning >"$work/gunicorn-$port.log" 2>&1 &
  pids+=($!)
done

cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream wegwijs { server 127.0.0.1:8101; server 127.0.0.1:8102; keepalive 32; }
  server {
    listen 127.0.0.1:8100;
    location / {
      proxy_pass http://wegwijs;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host localhost;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work"

for _ in $(seq 1 50); do
  curl -sf -o /dev/null http://127.0.0.1:8100/healthz && curl -sf -o /dev/null -H 'Host: localhost' http://127.0.0.1:8101/healthz \
    && curl -sf -o /dev/null -H 'Host: localhost' http://127.0.0.1:8102/healthz && break
  sleep 0.2
done
for port in 8100 8101 8102; do
  curl -sf -o /dev/null -H 'Host: localhost' "http://127.0.0.1:$port/healthz" || { echo "FAIL: nothing healthy on :$port (port taken?)"; exit 1; }
done

echo "== load through nginx (2 instances x 2 workers), ${SECONDS_PER_RUN}s per page, 16 connections"
for path in / /guides/what-is-the-pip/ /sources/ind/ "/search/?q=MVV"; do
  out=$(wrk -t2 -c16 -d${SECONDS_PER_RUN}s --latency "http://127.0.0.1:8100$path")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  sock=$(echo "$out" | grep -c "Socket errors" || true)
  printf '  %-28s %8s req/s  p99 %-8s  non-2xx: %s  socket errors: %s\n' "$path" "$rps" "$p99" "${bad:-0}" "$sock"
  if [ -n "$bad" ] || [ "$sock" != "0" ]; then echo "FAIL: errors under load"; exit 1; fi
done

echo "== cache invalidation seen by both instances"
page=/guides/what-is-the-pip/
for port in 8101 8102; do curl -s -H 'Host: localhost' "http://127.0.0.1:$port$page" >/dev/null; done
sed -i 's/^title: What is the PIP, your personal integration plan?/title: What is the PIP (changed for the multi-instance check)?/' "$work/content/guides/what-is-the-pip.md"
.venv/bin/python manage.py load_content >/dev/null
ok=1
for port in 8101 8102; do
  body=$(curl -s -H 'Host: localhost' "http://127.0.0.1:$port$page")
  if grep -q "changed for the multi-instance check" <<< "$body"; then
    echo "  instance on :$port serves the new title"
  else
    echo "  FAIL: instance on :$port still serves the old page"; ok=0
  fi
done
[ $ok = 1 ] && echo "PASS: two instances behind nginx, zero errors, invalidation seen by both"
[ $ok = 1 ]
