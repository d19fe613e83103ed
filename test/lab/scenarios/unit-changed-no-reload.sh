# The unit edited after the service started (fewer workers), without
# `systemctl daemon-reload`: systemd still runs the old definition.
after_boot 10-edit-unit <<'STEPS'
sed -i 's/--workers 3/--workers 2/' /etc/systemd/system/oms-backend.service
STEPS
