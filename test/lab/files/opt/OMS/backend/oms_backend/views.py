"""The API the front end logs in with: POST /api/auth/login/ (JSON in, JSON out)."""
import json

from django.contrib.auth import authenticate
from django.core import signing
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@csrf_exempt
@require_POST
def login(request):
    try:
        data = json.loads(request.body or b'{}')
    except ValueError:
        return JsonResponse({'detail': 'Request body is not valid JSON.'}, status=400)
    if not isinstance(data, dict):
        return JsonResponse({'detail': 'Request body must be a JSON object.'}, status=400)
    username, password = data.get('username'), data.get('password')
    if not username or not password:
        return JsonResponse({'detail': 'username and password are required.'}, status=400)
    user = authenticate(request, username=username, password=password)
    if user is None:
        return JsonResponse({'detail': 'Invalid username or password.'}, status=401)
    token = signing.dumps({'uid': user.pk}, salt='oms-login')
    return JsonResponse({'token': token, 'username': user.username, 'is_superuser': user.is_superuser})
