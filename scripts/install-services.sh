#!/usr/bin/env bash
# Installs Debian's redis-server and nginx for the scale-out tests
# (tests/McpVanguard.Gateway.Tests/ScaleOut). The tests start their own redis-server and nginx
# on free loopback ports with temporary directories; the system services are stopped and
# disabled here so that nothing listens on 6379 or 80 because of the tests.
# Idempotent: does nothing when both programs are present. Needs root (CI machines).
set -euo pipefail

if command -v redis-server >/dev/null 2>&1 && { command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; }; then
    echo "install-services: redis-server and nginx are installed"
    exit 0
fi

if [[ "$(id -u)" != "0" ]]; then
    echo "install-services: run as root to apt-get install redis-server nginx (the scale-out tests skip without them)" >&2
    exit 0
fi

apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server nginx
# The packages start their services; the tests never use them.
if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
    systemctl disable --now redis-server nginx >/dev/null 2>&1 || true
else
    service redis-server stop >/dev/null 2>&1 || true
    service nginx stop >/dev/null 2>&1 || true
fi
echo "install-services: installed redis-server and nginx"
