# No `location /static`: the admin's CSS falls to the SPA (`location /`), so
# /admin/ shows without styles.
delete_block '^\s*location /static \{'
sed -i '/# Django static files/d' "$SITE"
