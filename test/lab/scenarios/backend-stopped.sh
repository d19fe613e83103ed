# oms-backend stopped and disabled: nginx answers 502.
in_root systemctl disable oms-backend.service >/dev/null 2>&1
