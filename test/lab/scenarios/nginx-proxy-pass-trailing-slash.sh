# `proxy_pass http://oms_backend/;` in /api: /api/auth/login/ reaches Django as //auth/login/.
python3 - "$SITE" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
head, sep, tail = text.partition('location /api {')
assert sep, 'no location /api'
tail = tail.replace('proxy_pass http://oms_backend;', 'proxy_pass http://oms_backend/;', 1)
open(path, 'w', encoding='utf-8').write(head + sep + tail)
PY
grep -q 'proxy_pass http://oms_backend/;' "$SITE"
