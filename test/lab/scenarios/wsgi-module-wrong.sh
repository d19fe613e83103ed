# ExecStart names a WSGI module that does not exist: the workers fail to boot.
sed -i 's|oms_backend.wsgi:application|oms.wsgi:application|' "$UNIT"
grep -q 'oms.wsgi:application' "$UNIT"
