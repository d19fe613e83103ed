# DATABASE_NAME points at a new, empty SQLite file (a fresh install without
# `manage.py migrate`): every request that touches a table answers 500
# (`no such table: auth_user`).
db="$ROOT/opt/OMS/backend/db-new.sqlite3"
: > "$db"
in_root chown nginx:nginx /opt/OMS/backend/db-new.sqlite3
set_env "$BACKEND_ENV" DATABASE_NAME /opt/OMS/backend/db-new.sqlite3
