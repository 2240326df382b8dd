#!/usr/bin/env bash
# Installs what the test suite needs beyond the JDK and Maven, idempotently, from Debian's packages:
#   strace    - NoPhoneHomeIT proves the engine makes no outbound connection
#   logger    - util-linux's syslog client (package bsdutils), a real client in the end-to-end tests
#   rsyslog   - the receiver of `ringlog forward` in ForwardRsyslogIT, and a peer in the benchmarks
#   syslog-ng - the other peer in the benchmarks; it conflicts with rsyslog, so bench/scripts/install-peers.sh
#               unpacks it into ~/.cache/ringlog-peers instead of installing it (fast when already there)
set -euo pipefail
here="$(dirname "$0")"
bash "$here/apt-install.sh" strace:strace logger:bsdutils rsyslogd:rsyslog
exec bash "$here/../bench/scripts/install-peers.sh" syslog-ng
