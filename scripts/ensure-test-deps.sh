#!/usr/bin/env bash
# pretest: make sure the real components the tests use are installed
# (OpenSSH server and client, Redis, sudo, curl, systemd-nspawn and debootstrap
# for the lab). Installs them when missing and we are root; otherwise stops
# with the exact command to run. Never skips silently.
set -euo pipefail

# program -> Debian package
declare -A NEED=(
  [/usr/sbin/sshd]=openssh-server
  [/usr/bin/ssh]=openssh-client
  [/usr/bin/ssh-keygen]=openssh-client
  [/usr/bin/sudo]=sudo
  [/usr/bin/curl]=curl
  [/usr/sbin/debootstrap]=debootstrap
  [/usr/bin/systemd-nspawn]=systemd-container
  [/usr/bin/nsenter]=util-linux
  [/usr/sbin/visudo]=sudo
  [/usr/bin/redis-server]=redis-server
)

missing=()
for prog in "${!NEED[@]}"; do
  [ -x "$prog" ] || missing+=("${NEED[$prog]}")
done
# de-duplicate, stable order
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d')

if [ ${#missing[@]} -gt 0 ]; then
  line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "The tests need Debian packages that are not installed: ${missing[*]}" >&2
    echo "Run as root:  sudo sh -c '$line'" >&2
    exit 1
  fi
  echo "pretest: installing ${missing[*]} …" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# The lab image (a Debian root file system with the replica OMS server) is
# built here, not inside the tests, because building it downloads packages from
# the Debian mirror; the e2e tests then only talk to 127.0.0.1. Cached under
# /var/cache/oms-chatops-lab and rebuilt only when its recipe changes.
if [ "$(id -u)" != 0 ]; then
  echo "The lab tests need root (systemd-nspawn): run npm test as root, or build the image with: sudo npm run lab -- build" >&2
  exit 1
fi
cd "$(dirname "$0")/.."
node_modules/.bin/tsx scripts/lab.ts build >&2
