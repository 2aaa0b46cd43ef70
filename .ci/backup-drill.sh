#!/usr/bin/env bash
# The restore drill of docs/OPERATIONS.md, as CI runs it: a server with the demo takes saves from a logged-in
# reporter while `baocao backup` runs; the backup is restored into an empty database; every table must have the
# rows the backup had, the export must be identical, and the demo account must log in on the restored database.
#   .ci/backup-drill.sh WORKDIR PORT [LIVE_DATABASE_URL RESTORE_DATABASE_URL]   (no URLs: SQLite files in WORKDIR)
set -euo pipefail
work=$1; port=$2
live_url=${3:-sqlite:$work/drill-live.sqlite}; restore_url=${4:-sqlite:$work/drill-restored.sqlite}
bin="$(cd "$(dirname "$0")/.." && pwd)/.build/debug/baocao"
base="http://127.0.0.1:$port"
case "$live_url" in sqlite:*) backup="$work/drill-backup.sqlite" ;; *) backup="$work/drill.pgdump" ;; esac
rm -f "$backup"
run_live() { DATABASE_URL="$live_url" "$bin" "$@"; }
run_restored() { DATABASE_URL="$restore_url" "$bin" "$@"; }

login() { # $1 cookie jar, $2 user; prints the HTTP status
  local token
  token=$(curl -s -c "$1" -b "$1" "$base/dang-nhap" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -w '%{http_code}' -c "$1" -b "$1" --data-urlencode "_csrf=$token" \
    --data-urlencode "ten=$2" --data-urlencode "mat_khau=baocao@2017" "$base/dang-nhap"
}
wait_up() { for _ in $(seq 1 60); do curl -sf "$base/dang-nhap" > /dev/null && return 0; sleep 1; done; return 1; }

DATABASE_URL="$live_url" "$bin" serve --port "$port" > "$work/drill-serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
wait_up
jar="$work/drill.jar"
[ "$(login "$jar" maychai.baocao)" = 303 ] || { echo "login failed"; exit 1; }
form_token=$(curl -s -b "$jar" "$base/nhap-lieu?unit=304-P01&period=2017-H1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
  | sed 's/.*value="//;s/"$//')
save() {
  curl -s -o /dev/null -w '%{http_code}\n' -b "$jar" --data-urlencode "_csrf=$form_token" --data-urlencode "unit=304-P01" \
    --data-urlencode "period=2017-H1" --data-urlencode "buoc=luu" --data-urlencode "v_HKD_MOI_PHUONG=$1" "$base/nhap-lieu"
}
for i in 1 2 3; do save "$((30 + i))" > /dev/null; done
( for i in $(seq 1 40); do save "$((40 + i))"; done > "$work/drill-saves.txt" ) &
saves=$!
run_live backup -o "$backup" > "$work/drill-backup.txt"
wait $saves
kill $server; wait $server 2>/dev/null || true
if grep -qv '^303$' "$work/drill-saves.txt"; then echo "a save during the backup failed:"; sort "$work/drill-saves.txt" | uniq -c; exit 1; fi
echo "40 saves during the backup: all 303"

run_restored restore "$backup" > "$work/drill-restore.txt"
diff <(tail -n +2 "$work/drill-backup.txt") <(tail -n +2 "$work/drill-restore.txt")
echo "rows of every table, backup = restored:"; tail -n +2 "$work/drill-restore.txt" | tr '\n' ' '; echo
grep -qE '^\s+value_history\s+[1-9]' "$work/drill-restore.txt"
grep -qE '^\s+accounts\s+[1-9]' "$work/drill-restore.txt"
if run_restored restore "$backup" > /dev/null 2>&1; then echo "restored over a database with data"; exit 1; fi

# The restored database exports what the backup file itself holds (SQLite: read from a copy of the file).
run_restored export --format csv -o "$work/drill-export-restored" > /dev/null
case "$live_url" in
  sqlite:*)
    cp "$backup" "$work/drill-backup-copy.sqlite"
    DATABASE_URL="sqlite:$work/drill-backup-copy.sqlite" "$bin" export --format csv -o "$work/drill-export-backup" > /dev/null
    diff -r "$work/drill-export-backup" "$work/drill-export-restored"
    echo "export of the restored database = export of the backup" ;;
esac
# The demo account logs in on the restored database and its history is there.
DATABASE_URL="$restore_url" "$bin" serve --port "$port" --no-demo > "$work/drill-serve2.log" 2>&1 &
server=$!
wait_up
[ "$(login "$work/drill2.jar" maychai.baocao)" = 303 ] || { echo "the restored account does not log in"; exit 1; }
history=$(curl -s -b "$work/drill2.jar" "$base/lich-su?unit=304-P01&period=2017-H1&indicator=HKD_MOI_PHUONG")
echo "$history" | grep -q "Cán bộ thống kê phường Máy Chai" || { echo "the restored history is missing"; exit 1; }
kill $server; wait $server 2>/dev/null || true
echo "backup during writes → restore: same rows, account logs in, history there"
