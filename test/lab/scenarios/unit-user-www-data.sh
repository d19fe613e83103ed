# The unit from a Debian/Ubuntu guide: User=www-data, which Kylin V10 does not have (217/USER).
sed -i -e 's/^User=nginx$/User=www-data/' -e 's/^Group=nginx$/Group=www-data/' "$UNIT"
grep -q '^User=www-data$' "$UNIT"
! in_root getent passwd www-data >/dev/null
