#!/usr/bin/env bash
# Installs what the test suite needs beyond the JDK and Maven, idempotently, from Debian's packages:
#   strace     - NoPhoneHomeIT proves the engine makes no outbound connection
#   bsdutils   - util-linux `logger`, a real syslog client in the end-to-end tests
#   rsyslog    - the receiver of `ringlog forward` in ForwardRsyslogIT (tools/scripts/install-rsyslog.sh)
# Never starts a system service (policy-rc.d answers 101 while apt runs).
set -euo pipefail

"$(dirname "$0")/../tools/scripts/install-rsyslog.sh"

need=()
command -v strace >/dev/null 2>&1 || need+=(strace)
command -v logger >/dev/null 2>&1 || need+=(bsdutils)
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod +x "$policy"
  created_policy=1
fi
trap '[ $created_policy -eq 1 ] && $sudo rm -f "$policy"' EXIT
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
