#!/usr/bin/env bash
# Starts what the tests need that pip cannot install: a throwaway PostgreSQL cluster on a free
# loopback port, and Debian's chromium for browser tests. Writes .services.env for make test.
# Safe to run again: an already running cluster is reused.
set -u
cd "$(dirname "$0")/.."
env_file=.services.env
: > "$env_file"

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/tmp/realpolitik-chromium.log 2>&1 \
    || echo "services: could not install chromium (see /tmp/realpolitik-chromium.log); browser tests will skip"
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pgbin" ] && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/tmp/realpolitik-pg-install.log 2>&1
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
if [ -n "$pgbin" ]; then
  data=/tmp/realpolitik-pg/data
  port=${REALPOLITIK_PG_PORT:-54329}
  run_as=""
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd -r postgres
    mkdir -p /tmp/realpolitik-pg && chown postgres /tmp/realpolitik-pg
    run_as="runuser -u postgres --"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    $run_as "$pgbin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/tmp/realpolitik-pg-init.log 2>&1
  fi
  if ! $run_as "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    $run_as "$pgbin/pg_ctl" -D "$data" -l /tmp/realpolitik-pg/log -w \
      -o "-p $port -k /tmp/realpolitik-pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null 2>&1
  fi
  if $run_as "$pgbin/pg_isready" -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
    echo "export REALPOLITIK_TEST_PG=postgresql://postgres@127.0.0.1:$port/postgres" >> "$env_file"
  else
    echo "services: PostgreSQL did not start (see /tmp/realpolitik-pg/log); PostgreSQL tests will skip"
  fi
fi
exit 0
