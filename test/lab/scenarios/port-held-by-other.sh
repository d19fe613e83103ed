# A leftover server started by root (a manual test run) holds the backend port
# before oms-backend starts: gunicorn says "Connection in use" and exits.
cat > "$ROOT/etc/systemd/system/leftover-devserver.service" <<UNIT
[Unit]
Description=Leftover development server (someone's manual test run)
Before=oms-backend.service

[Service]
ExecStart=/usr/bin/python3 -m http.server --bind 127.0.0.1 $BACKEND_PORT --directory /srv

[Install]
WantedBy=multi-user.target
UNIT
in_root systemctl enable leftover-devserver.service >/dev/null 2>&1
