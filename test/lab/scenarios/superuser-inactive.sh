# The only superuser was deactivated (is_active=False) in the admin or a shell:
# the password is right, yet the login answers 401.
in_root sh -c "cd /opt/OMS/backend && venv/bin/python3 manage.py shell -c \"from django.contrib.auth import get_user_model as g; print(g().objects.filter(username='admin').update(is_active=False))\"" | grep -qx 1
