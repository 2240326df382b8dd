#!/usr/bin/env bash
# Installs what the test suite needs beyond the JDK and Maven, idempotently, from Debian's packages:
#   strace   - NoPhoneHomeIT proves the engine makes no outbound connection
#   logger   - util-linux's syslog client (package bsdutils), a real client in the end-to-end tests
#   rsyslog  - the receiver of `ringlog forward` in ForwardRsyslogIT, and the peer in the ingest benchmark
set -euo pipefail
exec bash "$(dirname "$0")/apt-install.sh" strace:strace logger:bsdutils rsyslogd:rsyslog
