#!/usr/bin/env bash
# Installs the peer the ingest benchmark compares against (rsyslog, Debian package), idempotently, without
# starting a system service. The benchmark runs rsyslogd itself, in the foreground, with its own config.
set -euo pipefail
exec bash "$(dirname "$0")/../../.ci/apt-install.sh" rsyslogd:rsyslog
