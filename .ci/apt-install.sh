#!/usr/bin/env bash
# Installs Debian packages for the commands that are missing, idempotently: apt-install.sh COMMAND:PACKAGE ...
# (e.g. strace:strace rsyslogd:rsyslog). Never starts a system service: while apt runs, /usr/sbin/policy-rc.d
# answers 101 (shared/LIBRARIES.md §8); a policy file that was already there is put back as it was.
# The tests and benchmarks run the daemons they need themselves, in the foreground, on 127.0.0.1.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }

need=()
for pair in "$@"; do
  have "${pair%%:*}" || need+=("${pair#*:}")
done
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
policy=/usr/sbin/policy-rc.d
backup=""
if [ -e "$policy" ]; then
  backup="$policy.ringlog-backup.$$"
  $sudo cp -p "$policy" "$backup"
fi
restore() { if [ -n "$backup" ]; then $sudo mv -f "$backup" "$policy"; else $sudo rm -f "$policy"; fi; }
trap restore EXIT
printf '#!/bin/sh\n# ringlog .ci/apt-install.sh: no service starts during this install\nexit 101\n' | $sudo tee "$policy" >/dev/null
$sudo chmod 755 "$policy"

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
for pair in "$@"; do
  have "${pair%%:*}" || { echo "apt-install: ${pair%%:*} still missing after installing ${pair#*:}" >&2; exit 1; }
done
