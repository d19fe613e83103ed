# DEBUG=True left in the production .env.
set_env "$BACKEND_ENV" DEBUG True
