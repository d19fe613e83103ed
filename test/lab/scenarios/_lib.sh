# Sourced before each scenario script. The scenario edits the container's root
# file system ($ROOT) on the host, before boot. Ports of this instance:
# $SSH_PORT, $NGINX_PORT, $BACKEND_PORT (already filled into the templates),
# and $SPARE_PORT, free and unused (for a wrong port).
set -euo pipefail
: "${ROOT:?}" "${SSH_PORT:?}" "${NGINX_PORT:?}" "${BACKEND_PORT:?}" "${SPARE_PORT:?}"
UNIT="$ROOT/etc/systemd/system/oms-backend.service"
SITE="$ROOT/etc/nginx/conf.d/oms.conf"
BACKEND_ENV="$ROOT/opt/OMS/backend/.env"
FRONTEND="$ROOT/opt/OMS/frontend-pc"

# Run a command inside the root file system (no boot needed).
in_root() { chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 "$@"; }

# after_boot NAME: the script on stdin runs inside the booted container, as
# root, once oms-backend, nginx and sshd have started (or failed to); the lab
# reports ready only after it has finished.
after_boot() {
  install -d "$ROOT/etc/lab/after-boot.d"
  { echo '#!/bin/bash'; echo 'set -u'; cat; } > "$ROOT/etc/lab/after-boot.d/$1"
  chmod 0755 "$ROOT/etc/lab/after-boot.d/$1"
}

# Replace one KEY=value line of a dotenv file.
set_env() { sed -i -E "s|^$2=.*|$2=$3|" "$1"; grep -q "^$2=$3\$" "$1"; }

# Delete the nginx block that starts at the line matching $1 (through its closing brace at the same indent).
delete_block() {
  python3 - "$SITE" "$1" <<'PY'
import re, sys
path, start = sys.argv[1], sys.argv[2]
lines = open(path, encoding='utf-8').read().split('\n')
out, skipping, indent = [], False, None
for line in lines:
    if not skipping and re.search(start, line):
        skipping, indent = True, len(line) - len(line.lstrip())
        continue
    if skipping:
        if line.strip() == '}' and len(line) - len(line.lstrip()) == indent:
            skipping = False
        continue
    out.append(line)
if skipping or len(out) == len(lines):
    sys.exit(f'block {start!r} not found in {path}')
open(path, 'w', encoding='utf-8').write('\n'.join(out))
PY
}
