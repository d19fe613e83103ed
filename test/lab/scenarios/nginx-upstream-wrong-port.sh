# The upstream points at another port than gunicorn binds: 502 Bad Gateway.
wrong=$SPARE_PORT  # a free port nothing listens on
sed -i "s|server 127.0.0.1:$BACKEND_PORT;|server 127.0.0.1:$wrong;|" "$SITE"
grep -q "server 127.0.0.1:$wrong;" "$SITE"
