# A second server block proxies to the same backend (an admin-only site on another port, in its own file):
# discovery cannot tell which one is the OMS site, says so, and falls back for nginx's part only.
sed -e "s|listen 127.0.0.1:$NGINX_PORT;|listen 127.0.0.1:$SPARE_PORT;|" -e 's|server_name _;|server_name admin.oms.local;|' \
  -e '/^upstream oms_backend {/,/^}/d' -e 's|/var/log/nginx/oms_|/var/log/nginx/oms_admin_|' \
  "$SITE" > "$ROOT/etc/nginx/conf.d/oms-admin.conf"
grep -q "listen 127.0.0.1:$SPARE_PORT;" "$ROOT/etc/nginx/conf.d/oms-admin.conf"
! grep -q '^upstream' "$ROOT/etc/nginx/conf.d/oms-admin.conf"
