#!/usr/bin/env bash
# Stage 2 of the lab image: turn the Debian root file system from rootfs.sh into
# the replica OMS server of the operators' notes, laid out like Kylin V10:
#   - no www-data user (and systemd-sysusers told not to re-create it);
#   - nginx runs as the system user `nginx`; the site is /etc/nginx/conf.d/oms.conf;
#   - the Django project oms_backend in /opt/OMS/backend with its venv and .env,
#     served by gunicorn 23 under oms-backend.service (User=nginx, Type=notify),
#     logs in /var/log/oms;
#   - the built front end in /opt/OMS/frontend-pc/dist and its .env.production;
#   - the bot user omsbot (in systemd-journal; key and sudoers added per scenario).
# Ports in the templates (@SSH_PORT@, @NGINX_PORT@, @BACKEND_PORT@) are filled in
# per scenario. No network is used: everything comes from rootfs.sh.
#
# usage: provision.sh ROOT FILES_DIR
set -euo pipefail
root=$1
files=$2
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 HOME=/root "$@"; }

cp -a --no-preserve=ownership "$files/." "$root/"
chmod 0755 "$root/usr/local/sbin/lab-ready"
mkdir -p "$root/etc/lab/after-boot.d" "$root/var/lib/lab"
echo oms-server > "$root/etc/hostname"
grep -q 'oms-server' "$root/etc/hosts" || printf '127.0.1.1\toms-server\n' >> "$root/etc/hosts"
if [ -e "$root/usr/share/zoneinfo/Asia/Shanghai" ]; then
  ln -sf /usr/share/zoneinfo/Asia/Shanghai "$root/etc/localtime"
  echo Asia/Shanghai > "$root/etc/timezone"
fi

# --- accounts: as on Kylin V10 ------------------------------------------------
in_root userdel www-data 2>/dev/null || true
in_root groupdel www-data 2>/dev/null || true
# systemd-sysusers would re-create www-data at boot from /usr/lib/sysusers.d:
# an /etc/sysusers.d file of the same name overrides it.
mkdir -p "$root/etc/sysusers.d"
for f in "$root"/usr/lib/sysusers.d/*.conf; do
  [ -e "$f" ] || continue
  if grep -q 'www-data' "$f"; then
    grep -v 'www-data' "$f" > "$root/etc/sysusers.d/$(basename "$f")"
  fi
done
in_root useradd --system --user-group --home-dir /var/lib/nginx --no-create-home --shell /usr/sbin/nologin nginx
in_root useradd --create-home --shell /bin/bash omsbot
in_root usermod -aG systemd-journal omsbot
install -d -m 0700 -o "$(in_root id -u omsbot)" -g "$(in_root id -g omsbot)" "$root/home/omsbot/.ssh"

# --- nginx ----------------------------------------------------------------------
sed -i -E 's/^user\s+www-data;/user nginx;/' "$root/etc/nginx/nginx.conf"
grep -q '^user nginx;' "$root/etc/nginx/nginx.conf"
rm -f "$root/etc/nginx/sites-enabled/default"
rm -f "$root"/var/log/nginx/*
chown -R root:root "$root/var/log/nginx" && chmod 0755 "$root/var/log/nginx"
in_root chown -R nginx:nginx /var/lib/nginx

# --- backend --------------------------------------------------------------------
be=/opt/OMS/backend
in_root python3 -m venv --without-pip --system-site-packages "$be/venv"
cat > "$root$be/venv/bin/gunicorn" <<'PY'
#!/opt/OMS/backend/venv/bin/python3
# -*- coding: utf-8 -*-
import re
import sys
from gunicorn.app.wsgiapp import run
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\.pyw|\.exe)?$', '', sys.argv[0])
    sys.exit(run())
PY
chmod 0755 "$root$be/venv/bin/gunicorn"
mkdir -p "$root$be/media"
# Debian's Django links its bundled jQuery to libjs-jquery (a Recommends, not
# installed here): collectstatic skips those two dangling links.
(cd "$root$be" && in_root sh -c "cd $be && venv/bin/python3 manage.py migrate --noinput -v 0 \
  && venv/bin/python3 manage.py collectstatic --noinput -v 0 -i 'jquery.js' -i 'jquery.min.js' \
  && DJANGO_SUPERUSER_PASSWORD='Lab-Admin-2026!' venv/bin/python3 manage.py createsuperuser --noinput --username admin --email admin@oms.local")
in_root chown -R nginx:nginx "$be"
chmod 0644 "$root$be/.env"
install -d -m 0755 "$root/var/log/oms"
in_root chown nginx:nginx /var/log/oms

# --- systemd --------------------------------------------------------------------
in_root systemctl enable oms-backend.service lab-ready.service nginx.service ssh.service >/dev/null 2>&1
# nothing else needs to run in the lab; these only slow the boot down
for unit in apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer e2scrub_all.timer fstrim.timer systemd-networkd.service systemd-networkd.socket systemd-resolved.service; do
  in_root systemctl mask "$unit" >/dev/null 2>&1 || true
done
echo provisioned
