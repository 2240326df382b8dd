#!/usr/bin/env bash
# Installs the peers the benchmarks compare against, idempotently, without starting any system service:
#  - rsyslog: the Debian package, via .ci/apt-install.sh (policy-rc.d keeps its service from starting);
#  - syslog-ng: Debian's syslog-ng-core conflicts with rsyslog (both provide system-log-daemon), so it is not
#    installed but unpacked: `apt-get download` + `dpkg -x` of syslog-ng-core and those of its libraries the
#    system lacks, into $RINGLOG_PEERS_DIR/syslog-ng (default ~/.cache/ringlog-peers/syslog-ng), outside the
#    repository. The benchmark runs it from there in the foreground (SyslogNgTarget sets LD_LIBRARY_PATH and
#    --module-path). A second call finds it there and returns at once.
# Usage: install-peers.sh [rsyslog] [syslog-ng]      (no argument: both)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
want=("$@")
[ ${#want[@]} -eq 0 ] && want=(rsyslog syslog-ng)

install_rsyslog() {
  bash "$here/../../.ci/apt-install.sh" rsyslogd:rsyslog
}

install_syslog_ng() {
  local dest="${RINGLOG_PEERS_DIR:-$HOME/.cache/ringlog-peers}/syslog-ng"
  local bin="$dest/usr/sbin/syslog-ng"
  local libs="$dest/usr/lib/syslog-ng:$dest/usr/lib/x86_64-linux-gnu:$dest/lib/x86_64-linux-gnu"
  if [ -x "$bin" ] && LD_LIBRARY_PATH="$libs" "$bin" --version >/dev/null 2>&1; then
    return 0
  fi
  if ! apt-cache show syslog-ng-core >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
  fi
  # syslog-ng-core's libraries; only the ones not installed are downloaded (a Debian 12 base has most)
  local pkgs=(syslog-ng-core)
  local lib
  for lib in libivykis0 libnet1 libpcre3 libwrap0 libglib2.0-0 libjson-c5 libssl3 libcap2 libsystemd0; do
    dpkg-query -W -f='${Status}' "$lib" 2>/dev/null | grep -q "install ok installed" || pkgs+=("$lib")
  done
  local tmp
  tmp="$(mktemp -d)"
  chmod 777 "$tmp"   # apt-get download runs as the _apt user where it can
  if ! (cd "$tmp" && apt-get download -qq "${pkgs[@]}"); then
    rm -rf "$tmp"
    echo "install-peers: apt-get download ${pkgs[*]} failed" >&2
    exit 1
  fi
  rm -rf "$dest.new"
  mkdir -p "$dest.new"
  local deb
  for deb in "$tmp"/*.deb; do
    dpkg -x "$deb" "$dest.new"
  done
  rm -rf "$tmp"
  local missing
  missing="$(LD_LIBRARY_PATH="${libs//$dest/$dest.new}" ldd "$dest.new/usr/sbin/syslog-ng" | grep "not found" || true)"
  if [ -n "$missing" ]; then
    echo "install-peers: syslog-ng is missing libraries: $missing" >&2
    exit 1
  fi
  rm -rf "$dest"
  mv "$dest.new" "$dest"
  LD_LIBRARY_PATH="$libs" "$bin" --version | head -1
}

for peer in "${want[@]}"; do
  case "$peer" in
    rsyslog) install_rsyslog ;;
    syslog-ng) install_syslog_ng ;;
    *) echo "install-peers: unknown peer '$peer' (rsyslog, syslog-ng)" >&2; exit 2 ;;
  esac
done
