# No `location /admin`: /admin/ falls to the SPA.
delete_block '^\s*location /admin \{'
sed -i '/# Django admin/d' "$SITE"
