#!/bin/sh
# Installs the peer syslog server the ingest benchmark compares against (rsyslog, Debian package), without ever
# starting a system service: a temporary /usr/sbin/policy-rc.d that exits 101 makes invoke-rc.d refuse to start
# anything during the install (shared/LIBRARIES.md §8). A policy file that was already there is put back as it was.
#
# Idempotent: does nothing when rsyslogd is already installed. Exit 0 when rsyslogd is present afterwards.
# Needs root (or sudo) for apt-get. The benchmark runs rsyslogd itself, in the foreground, with its own config.
set -eu

find_rsyslogd()
{
    command -v rsyslogd 2>/dev/null || { [ -x /usr/sbin/rsyslogd ] && echo /usr/sbin/rsyslogd; } || true
}

if [ -n "$(find_rsyslogd)" ]; then
    echo "install-peers: rsyslogd already present: $(find_rsyslogd)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

POLICY=/usr/sbin/policy-rc.d
BACKUP=""
restore_policy()
{
    if [ -n "$BACKUP" ]; then
        $SUDO mv -f "$BACKUP" "$POLICY"
    else
        $SUDO rm -f "$POLICY"
    fi
}

if [ -e "$POLICY" ]; then
    BACKUP="$POLICY.ringlog-backup.$$"
    $SUDO cp -p "$POLICY" "$BACKUP"
fi
trap restore_policy EXIT
printf '#!/bin/sh\n# ringlog bench/scripts/install-peers.sh: no service starts during this install\nexit 101\n' \
    | $SUDO tee "$POLICY" >/dev/null
$SUDO chmod 755 "$POLICY"

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show rsyslog >/dev/null 2>&1; then
    $SUDO apt-get update
fi
if ! $SUDO apt-get install -y --no-install-recommends rsyslog; then
    # a stale package index: refresh once and try again
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends rsyslog
fi

if [ -z "$(find_rsyslogd)" ]; then
    echo "install-peers: rsyslogd still missing after apt-get install" >&2
    exit 1
fi
echo "install-peers: installed $($(find_rsyslogd) -v 2>/dev/null | head -1)"
