# The unit was pasted with its heredoc line (and a BOM from a Windows editor)
# and the closing EOF: "Assignment outside of section" and "Missing '='".
# systemd prints them when it loads the unit on daemon-reload, so an operator
# who edited the file reloads and restarts, as the notes say.
{ printf '\xef\xbb\xbf'; echo "sudo tee /etc/systemd/system/oms-backend.service <<'EOF'"; cat "$UNIT"; echo 'EOF'; } > "$UNIT.new"
mv "$UNIT.new" "$UNIT"
after_boot 10-daemon-reload <<'STEPS'
systemctl daemon-reload
systemctl restart oms-backend.service
sleep 1
systemctl daemon-reload
STEPS
