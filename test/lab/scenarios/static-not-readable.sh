# collectstatic run as root with umask 077: staticfiles belongs to root, mode
# 0700, and nginx (its workers run as nginx) answers 403 for the admin's CSS.
chown -R root:root "$ROOT/opt/OMS/backend/staticfiles"
chmod 0700 "$ROOT/opt/OMS/backend/staticfiles"
