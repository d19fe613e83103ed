# No `upstream oms_backend` block: nginx -t fails and nginx does not start.
delete_block '^upstream oms_backend \{'
! grep -q '^upstream' "$SITE"
