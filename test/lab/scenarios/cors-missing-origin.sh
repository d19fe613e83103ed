# CORS_ALLOWED_ORIGINS copied from the developer's machine: the public origin is missing.
set_env "$BACKEND_ENV" CORS_ALLOWED_ORIGINS 'http://localhost:5173,http://localhost'
