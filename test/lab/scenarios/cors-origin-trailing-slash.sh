# The public origin copied from the address bar with its trailing slash: the
# browser sends `Origin: http://172.29.91.61`, which never equals it.
set_env "$BACKEND_ENV" CORS_ALLOWED_ORIGINS 'http://172.29.91.61/,http://localhost'
