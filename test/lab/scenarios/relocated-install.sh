# A healthy install laid out differently from the notes: the project under /srv/erp (backend, web),
# gunicorn's logs in /data/logs/erp, the nginx site in erp-portal.conf with its own log names.
# Only the unit's name is the default (oms-backend). Discovery must find the rest.
NEW="$ROOT/srv/erp"
install -d "$NEW"
mv "$ROOT/opt/OMS/backend" "$NEW/backend"
mv "$ROOT/opt/OMS/frontend-pc" "$NEW/web"
rmdir "$ROOT/opt/OMS"
# A moved venv keeps its old path in the scripts' shebangs.
sed -i '1s|^#!/opt/OMS/backend/venv/|#!/srv/erp/backend/venv/|' "$NEW/backend/venv/bin/gunicorn"
sed -i 's|/opt/OMS/backend/|/srv/erp/backend/|' "$NEW/backend/.env"
install -d "$ROOT/data/logs/erp"
in_root chown nginx:nginx /data/logs/erp
sed -i -e 's|/opt/OMS/backend|/srv/erp/backend|g' -e 's|/var/log/oms/backend-access.log|/data/logs/erp/access.log|' \
  -e 's|/var/log/oms/backend-error.log|/data/logs/erp/gunicorn-error.log|' "$UNIT"
sed -i -e 's|/opt/OMS/frontend-pc/dist|/srv/erp/web/dist|' -e 's|/opt/OMS/backend/|/srv/erp/backend/|g' \
  -e 's|/var/log/nginx/oms_|/var/log/nginx/erp_portal_|' "$SITE"
mv "$SITE" "$ROOT/etc/nginx/conf.d/erp-portal.conf"
rmdir "$ROOT/var/log/oms" 2>/dev/null || rm -rf "$ROOT/var/log/oms"
! grep -rq '/opt/OMS\|/var/log/oms' "$UNIT" "$ROOT/etc/nginx/conf.d/erp-portal.conf" "$NEW/backend/.env"
grep -q '^WorkingDirectory=/srv/erp/backend$' "$UNIT"
grep -q -- '--error-logfile /data/logs/erp/gunicorn-error.log' "$UNIT"
