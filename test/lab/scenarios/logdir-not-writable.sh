# /var/log/oms created by root (mkdir without chown): gunicorn, running as nginx,
# cannot open its error log and exits; systemd restarts it again and again.
chown root:root "$ROOT/var/log/oms"
chmod 0755 "$ROOT/var/log/oms"
