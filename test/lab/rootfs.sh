#!/usr/bin/env bash
# Stage 1 of the lab image: a Debian 12 (bookworm) root file system with every
# package the replica needs, all from Debian's archive (the mirror this host
# uses). gunicorn 23 comes from Debian 13 (trixie) on the same mirror: Debian
# 12's gunicorn 20.1 never logs "was sent SIGTERM!" and does not notify systemd
# for Type=notify. The result is cached by the lab (keyed by this file's hash).
#
# usage: rootfs.sh DEST MIRROR
set -euo pipefail
dest=$1
mirror=$2

packages=(
  systemd systemd-sysv dbus libpam-systemd
  openssh-server sudo curl iproute2 procps
  nginx
  python3 python3-django python3-django-cors-headers
  # gunicorn 23 (trixie) needs these from bookworm
  python3-packaging python3-importlib-metadata
)
include=$(IFS=,; echo "${packages[*]}")

debootstrap --variant=minbase --include="$include" bookworm "$dest" "$mirror"

# gunicorn from trixie: pin trixie low so every dependency comes from bookworm,
# select only gunicorn's two packages from it, then forget trixie again.
cat > "$dest/etc/apt/sources.list.d/trixie.list" <<LIST
deb $mirror trixie main
LIST
cat > "$dest/etc/apt/preferences.d/trixie" <<PIN
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
chroot "$dest" env DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get update -qq
chroot "$dest" env DEBIAN_FRONTEND=noninteractive LC_ALL=C \
  apt-get install -y -qq --no-install-recommends gunicorn/trixie python3-gunicorn/trixie
rm -f "$dest/etc/apt/sources.list.d/trixie.list" "$dest/etc/apt/preferences.d/trixie"
chroot "$dest" env LC_ALL=C apt-get update -qq || true
chroot "$dest" apt-get clean
rm -rf "$dest/var/lib/apt/lists/"*
chroot "$dest" /usr/bin/gunicorn --version
