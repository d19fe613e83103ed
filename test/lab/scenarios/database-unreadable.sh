# The SQLite database copied back by root from a backup: owned by root, mode
# 0600, so gunicorn (as nginx) cannot open it (`unable to open database file`).
chown root:root "$ROOT/opt/OMS/backend/db.sqlite3"
chmod 0600 "$ROOT/opt/OMS/backend/db.sqlite3"
