#!/bin/bash
# How many times a second the server can answer each daily page on its own, measured with ApacheBench (a light
# C client, `apt-get install apache2-utils`), so that the load generator takes as little of the two cores as it can.
# Usage: scripts/page-capacity.sh [BASE_URL] [SECONDS]   (a running `baocao serve` with the demo data)
# Prints one line per page: requests per second, mean time per request with 20 at once, and the page's size.
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
seconds=${2:-10}
command -v ab >/dev/null || { echo "cần ab: apt-get install -y apache2-utils" >&2; exit 2; }
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
page=$(curl -sf -c "$jar" -b "$jar" "$base/dang-nhap")
token=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//')
curl -sf -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "ten=tonghop" \
    --data-urlencode "mat_khau=baocao@2017" "$base/dang-nhap"
session=$(awk '$6 == "baocao_phien" {print $7}' "$jar")
[ -n "$session" ] || { echo "đăng nhập tonghop không được" >&2; exit 1; }
printf '| %-50s | %-12s | %-22s | %-10s |\n' "page (logged in as tonghop)" "pages/s" "mean time, 20 at once" "size"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..52})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..24})" "$(printf -- '-%.0s' {1..12})"
for path in "/dang-nhap" "/healthz" "/nhap-lieu?unit=304-P01&period=2017-H1" \
    "/tong-quan?unit=304&period=2017-H1&view=lam-viec" "/theo-doi?unit=304&period=2017-H1"; do
    out=$(ab -q -k -c 20 -t "$seconds" -C "baocao_phien=$session" "$base$path" 2>&1)
    rate=$(awk '/Requests per second/ {print $4}' <<<"$out")
    mean=$(awk '/Time per request/ && /\(mean\)$/ {print $4 " ms"}' <<<"$out")
    size=$(awk '/Document Length/ {print $3 " B"}' <<<"$out")
    printf '| %-50s | %-12s | %-22s | %-10s |\n' "$path" "$rate" "$mean" "$size"
done
