# ALLOWED_HOSTS without the server's address: Django answers 400 to Host: 172.29.91.61.
set_env "$BACKEND_ENV" ALLOWED_HOSTS 'localhost,127.0.0.1'
