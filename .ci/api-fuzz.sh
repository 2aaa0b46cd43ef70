#!/usr/bin/env bash
# The OpenAPI document validated (openapi-spec-validator), then the running server fuzzed against it with
# Schemathesis: no server errors, every answer's status, content type and body as the document says. With an API
# token an administrator made on the page (the demo's district administrator, drafts allowed), so the fuzzing reaches
# the endpoints behind it. Bounded in examples and in time.
# usage: .ci/api-fuzz.sh BASE_URL WORKDIR
set -euo pipefail
base="$1"; work="$2"
mkdir -p "$work"
curl -sf "$base/api/v1/openapi.json" -o "$work/openapi.json"
python3 -m openapi_spec_validator "$work/openapi.json"
echo "ok the OpenAPI document at /api/v1/openapi.json is valid (openapi-spec-validator)"

jar="$work/jar"
login=$(curl -sf -c "$jar" "$base/dang-nhap" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$login" --data-urlencode "ten=quantri" \
  --data-urlencode "mat_khau=baocao@2017" "$base/dang-nhap"
csrf=$(curl -sfL -b "$jar" "$base/quan-tri/ma-api" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
token=$(curl -sf -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "ten=Schemathesis" \
  --data-urlencode "unit=304" --data-urlencode "vai_tro=quan_tri" --data-urlencode "so_ngay=1" \
  --data-urlencode "so_lieu_chua_duyet=1" "$base/quan-tri/ma-api" | grep -o 'id="ma-moi">bc_[0-9a-f]*' | cut -d'>' -f2)
[ -n "$token" ] || { echo "no API token made"; exit 1; }

cd "$work" && timeout 900 schemathesis run "$work/openapi.json" --url "$base" -H "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples 25 --phases examples,coverage,fuzzing --request-timeout 30 --generation-deterministic \
  --suppress-health-check all 2>&1 | tee "$work/schemathesis.log"
echo "ok Schemathesis: no failures against the OpenAPI document"
