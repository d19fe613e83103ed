# The backend's unit is not installed (removed, or never set up): `systemctl show oms-backend` says
# LoadState=not-found. Discovery says so and falls back for the unit's part only; nginx is still read.
rm -f "$UNIT" "$ROOT/etc/systemd/system/multi-user.target.wants/oms-backend.service"
test ! -e "$UNIT"
