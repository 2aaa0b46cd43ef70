#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on localhost:5433 for the test suite and prints its URL.
# Installs PostgreSQL from Debian when it is missing. Safe to run twice.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=${PGTEST_DATA:-/tmp/baocao-pg}
port=${PGTEST_PORT:-5433}
db=${PGTEST_DB:-baocao_test}
if [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data"; mkdir -p "$data"; chown postgres "$data"
  su postgres -c "$bin/initdb -D $data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
fi
if ! su postgres -c "$bin/pg_ctl -D $data status" >/dev/null 2>&1; then
  su postgres -c "$bin/pg_ctl -D $data -o '-p $port -k /tmp -c listen_addresses=127.0.0.1' -l $data/log -w start" >/dev/null
fi
su postgres -c "psql -h 127.0.0.1 -p $port -U postgres -tc \"SELECT 1 FROM pg_database WHERE datname='$db'\"" | grep -q 1 \
  || su postgres -c "psql -h 127.0.0.1 -p $port -U postgres -c 'CREATE DATABASE $db'" >/dev/null
echo "postgres://postgres@127.0.0.1:$port/$db"
