# WorkingDirectory copied from the development machine: 200/CHDIR.
sed -i 's|^WorkingDirectory=/opt/OMS/backend$|WorkingDirectory=/home/zxy_8581/OMS/backend|' "$UNIT"
grep -q '^WorkingDirectory=/home/zxy_8581/OMS/backend$' "$UNIT"
