# The front end was built with the developer's API URL, and deployed so.
set_env "$FRONTEND/.env.production" VITE_API_BASE_URL 'http://localhost:8000/api'
sed -i 's|http://172.29.91.61/api|http://localhost:8000/api|g' "$FRONTEND"/dist/assets/*.js
grep -q 'http://localhost:8000/api' "$FRONTEND"/dist/assets/*.js
