#!/usr/bin/env bash
# Starts nginx with TLS (a self-signed certificate made now, for localhost) in front of a BaoCao server, as
# docs/nginx.conf does in service. Installs nginx and openssl from Debian when missing.
#   .ci/start-nginx.sh WORKDIR TLS_PORT BACKEND_PORT     (stop: nginx -p WORKDIR/nginx -c nginx.conf -s stop)
set -euo pipefail
work=$1; tls_port=$2; backend_port=$3
if ! command -v nginx >/dev/null || ! command -v openssl >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light openssl) >/dev/null
fi
dir="$work/nginx"; mkdir -p "$dir/logs" "$dir/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 256; }
http {
    access_log $dir/logs/access.log;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    server {
        listen 127.0.0.1:$tls_port ssl;
        server_name localhost;
        ssl_certificate $dir/cert.pem;
        ssl_certificate_key $dir/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        client_max_body_size 2m;
        location / {
            proxy_pass http://127.0.0.1:$backend_port;
            proxy_http_version 1.1;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_read_timeout 120s;
        }
    }
}
CONF
nginx -p "$dir" -c "$dir/nginx.conf"
echo "$dir/cert.pem"
