#!/usr/bin/env bash
# Through nginx with TLS: security headers and cookie flags as a browser gets them, and the login throttle seeing
# each client's own address (X-Forwarded-For from the trusted proxy), while the same header sent straight to BaoCao
# by anyone else is ignored. Clients are told apart by their loopback source address (curl --interface 127.0.0.x).
#   .ci/proxy-checks.sh HTTPS_BASE CA_FILE DIRECT_BASE
set -euo pipefail
https=$1; ca=$2; direct=$3
jar=$(mktemp); headers=$(mktemp)
fail() { echo "FAIL $*"; exit 1; }

curl -s --cacert "$ca" -c "$jar" -D "$headers" -o /dev/null "$https/dang-nhap"
grep -qi '^strict-transport-security: max-age=31536000' "$headers" || fail "no HSTS through TLS"
grep -qi '^content-security-policy: .*frame-ancestors' "$headers" || fail "no CSP"
grep -qi '^x-content-type-options: nosniff' "$headers" || fail "no nosniff"
grep -i '^set-cookie: baocao_csrf=' "$headers" | grep -qi 'secure' || fail "pre-login cookie not Secure"
grep -i '^set-cookie: baocao_csrf=' "$headers" | grep -qi 'httponly' || fail "pre-login cookie not HttpOnly"
echo "ok   HSTS, CSP, nosniff, Secure and HttpOnly cookies through nginx"

# Direct plain HTTP: no HSTS, and a forged X-Forwarded-Proto does not make the cookie Secure.
curl -s --interface 127.0.0.4 -D "$headers" -o /dev/null -H 'X-Forwarded-Proto: https' "$direct/dang-nhap"
if grep -qi '^strict-transport-security' "$headers"; then fail "HSTS believed a forged X-Forwarded-Proto"; fi
echo "ok   a forged X-Forwarded-Proto straight to BaoCao is ignored"

attempt() { # $1 source address, $2 user, [$3 extra curl args]: prints the status of a wrong-password login
  local j token; j=$(mktemp)
  token=$(curl -s --interface "$1" --cacert "$ca" -c "$j" -b "$j" "$https/dang-nhap" | grep -o 'name="_csrf" value="[^"]*"' \
    | head -1 | sed 's/.*value="//;s/"$//')
  curl -s --interface "$1" --cacert "$ca" -o /dev/null -w '%{http_code}' -c "$j" -b "$j" ${3:-} \
    --data-urlencode "_csrf=$token" --data-urlencode "ten=$2" --data-urlencode "mat_khau=sai-mat-khau-$RANDOM" \
    "$https/dang-nhap"
}
# 35 wrong passwords for random names from 127.0.0.2: that address is slowed (more than 30 free)...
last=""
for i in $(seq 1 35); do last=$(attempt 127.0.0.2 "khong-co-$i-$RANDOM"); done
[ "$last" = 429 ] || fail "35 failures from one address were not slowed (last status $last)"
# ...another client behind the same nginx is not, even claiming to be 127.0.0.2 in its own header.
other=$(attempt 127.0.0.3 "khong-co-khac" "-H X-Forwarded-For:127.0.0.2")
[ "$other" = 401 ] || fail "another client was slowed for 127.0.0.2's failures (status $other)"
echo "ok   the throttle sees each client's address through the proxy (429 for the noisy one, 401 for another)"

# The security log names each client as nginx saw it.
adm=$(mktemp)
token=$(curl -s --interface 127.0.0.5 --cacert "$ca" -c "$adm" -b "$adm" "$https/dang-nhap" | grep -o 'name="_csrf" value="[^"]*"' \
  | head -1 | sed 's/.*value="//;s/"$//')
status=$(curl -s --interface 127.0.0.5 --cacert "$ca" -o /dev/null -w '%{http_code}' -c "$adm" -b "$adm" \
  --data-urlencode "_csrf=$token" --data-urlencode "ten=quantri" --data-urlencode "mat_khau=baocao@2017" "$https/dang-nhap")
[ "$status" = 303 ] || fail "the administrator could not log in through nginx (status $status)"
log=$(curl -s --interface 127.0.0.5 --cacert "$ca" -b "$adm" "$https/quan-tri/nhat-ky")
echo "$log" | grep -q "từ 127.0.0.2" || fail "the security log does not name the client 127.0.0.2"
echo "$log" | grep -q "từ 127.0.0.3" || fail "the security log does not name the client 127.0.0.3"
echo "ok   the security log names each client by the address nginx forwarded"
