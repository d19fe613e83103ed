# A leftover server started by root (a manual test run) holds the backend port
# before oms-backend starts: gunicorn says "Connection in use" and exits.
# `Before=` orders only the start jobs, and a simple service counts as started
# once forked: ExecStartPost waits until the port really listens, so gunicorn
# never wins the race on a loaded machine (the scenario is the port held first).
cat > "$ROOT/etc/systemd/system/leftover-devserver.service" <<UNIT
[Unit]
Description=Leftover development server (someone's manual test run)
Before=oms-backend.service

[Service]
ExecStart=/usr/bin/python3 -m http.server --bind 127.0.0.1 $BACKEND_PORT --directory /srv
ExecStartPost=/bin/bash -c 'for i in {1..300}; do (exec 3<>/dev/tcp/127.0.0.1/$BACKEND_PORT) 2>/dev/null && exit 0; sleep 0.1; done; exit 1'
TimeoutStartSec=60

[Install]
WantedBy=multi-user.target
UNIT
in_root systemctl enable leftover-devserver.service >/dev/null 2>&1
