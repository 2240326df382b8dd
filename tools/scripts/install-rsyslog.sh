#!/usr/bin/env bash
# Installs rsyslog from Debian's package, idempotently, for ForwardRsyslogIT (the receiver of `ringlog forward`).
# Never starts the system service: a temporary policy-rc.d answers 101 while apt runs. The test runs its own
# rsyslogd in the foreground on 127.0.0.1 with its own config, pid file and work directory.
set -euo pipefail

command -v rsyslogd >/dev/null 2>&1 && exit 0
[ -x /usr/sbin/rsyslogd ] && exit 0

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
$sudo apt-get install -y -qq --no-install-recommends rsyslog >/dev/null
