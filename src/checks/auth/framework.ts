import { jsonBody, type RecordedResponse } from '../../http/exchange.js';

/** Why a framework answered 403 to a caller it could not authenticate, and what makes it answer 401. */
export interface FrameworkCause {
  cause: string;
  fix: string;
}

const DRF_MESSAGES = [
  'Authentication credentials were not provided.',
  'Incorrect authentication credentials.',
  'Invalid token.',
  'Invalid token header. No credentials provided.',
  'Invalid basic header. No credentials provided.',
  'Given token not valid for any token type',
];
const DRF_CODES = ['not_authenticated', 'authentication_failed', 'token_not_valid'];
const FASTAPI_MESSAGES = ['Not authenticated', 'Invalid authentication credentials'];

const DRF: FrameworkCause = {
  cause:
    'Django REST Framework answers 401 only when the first authentication class provides authenticate_header; SessionAuthentication does not, so NotAuthenticated and AuthenticationFailed become 403',
  fix: 'list an authentication class with a challenge first in DEFAULT_AUTHENTICATION_CLASSES (or the view\'s authentication_classes): JWTAuthentication, TokenAuthentication or BasicAuthentication',
};
const FASTAPI: FrameworkCause = {
  cause: "FastAPI's security utilities (HTTPBearer, HTTPBasic, APIKeyHeader…) answered 403 \"Not authenticated\" before FastAPI 0.122.0",
  fix: 'upgrade FastAPI to 0.122.0 or later (401 with WWW-Authenticate), or use auto_error=False and raise HTTPException(401, headers={"WWW-Authenticate": "Bearer"})',
};
const GENERIC: FrameworkCause = {
  cause: '403 says the caller is known and refused (RFC 9110 §15.5.4), but this caller could not be authenticated; typical causes are Django REST Framework with SessionAuthentication first, and FastAPI security utilities before 0.122.0',
  fix: 'answer 401 with a WWW-Authenticate challenge when credentials are missing or invalid, and keep 403 for authenticated callers without permission',
};

/** The likely cause of a 403 to an unauthenticated request, recognised from the framework's own body when possible. */
export function forbiddenCause(response: RecordedResponse): FrameworkCause {
  const body = jsonBody(response) as Record<string, unknown> | undefined;
  const detail = typeof body?.detail === 'string' ? body.detail : undefined;
  if ((detail && DRF_MESSAGES.includes(detail)) || (typeof body?.code === 'string' && DRF_CODES.includes(body.code))) return DRF;
  if (detail && FASTAPI_MESSAGES.includes(detail)) return FASTAPI;
  return GENERIC;
}
