# No `location /api`: API requests fall to the SPA's `location /`.
delete_block '^\s*location /api \{'
sed -i '/# Backend API/d' "$SITE"
