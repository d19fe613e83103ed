# Healthy, but gunicorn 23 logs "[ERROR] Worker (pid:N) was sent SIGTERM!" when
# its workers are replaced: a restart and graceful reloads (HUP), with logins
# between them, as in production.
after_boot 10-reloads <<STEPS
login() { curl -s -o /dev/null --max-time 5 -X POST http://127.0.0.1:$BACKEND_PORT/api/auth/login/ -H 'Content-Type: application/json' -H 'Host: 172.29.91.61' -d '{"username":"admin","password":"wrong"}' || true; }
login
systemctl restart oms-backend.service
login
for i in 1 2 3; do
  systemctl kill --kill-whom=main --signal=HUP oms-backend.service
  sleep 2
  login
done
STEPS
