# The backend .env edited on Windows and uploaded as is: CRLF line endings.
sed -i 's/$/\r/' "$BACKEND_ENV"
grep -q $'\r$' "$BACKEND_ENV"
