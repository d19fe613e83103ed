# Debian's default site put back (as the nginx package installs it) on the OMS
# listen socket, with default_server: it answers every request the OMS
# `server_name _;` does not name, i.e. all of them.
install -d "$ROOT/etc/nginx/sites-enabled"
cat > "$ROOT/etc/nginx/sites-enabled/default" <<CONF
# Default server configuration
server {
	listen 127.0.0.1:$NGINX_PORT default_server;

	root /var/www/html;
	index index.html index.htm index.nginx-debian.html;

	server_name _;

	location / {
		try_files \$uri \$uri/ =404;
	}
}
CONF
