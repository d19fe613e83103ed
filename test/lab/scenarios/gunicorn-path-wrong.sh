# ExecStart copied from the development machine: the program does not exist (203/EXEC).
sed -i 's|^ExecStart=/opt/OMS/backend/venv/bin/gunicorn|ExecStart=/home/zxy_8581/OMS/backend/venv/bin/gunicorn|' "$UNIT"
grep -q '^ExecStart=/home/zxy_8581/' "$UNIT"
