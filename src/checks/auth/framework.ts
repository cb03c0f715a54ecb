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

/**
 * The likely cause of a 403 to an unauthenticated request, recognised from the framework's own message or code:
 * at the top of the body (`detail`, `code`), or where a custom exception handler re-renders them (`message`,
 * `error.message`, `error.detail`, `error.code`, as in an {"error": {code, message}} envelope).
 */
export function forbiddenCause(response: RecordedResponse): FrameworkCause {
  const body = jsonBody(response);
  const { messages, codes } = frameworkWords(body);
  if (messages.some((m) => DRF_MESSAGES.includes(m)) || codes.some((c) => DRF_CODES.includes(c))) return DRF;
  if (messages.some((m) => FASTAPI_MESSAGES.includes(m))) return FASTAPI;
  return GENERIC;
}

function frameworkWords(body: unknown): { messages: string[]; codes: string[] } {
  const top = isRecord(body) ? body : {};
  const nested = isRecord(top.error) ? top.error : {};
  const strings = (...values: unknown[]) => values.filter((v): v is string => typeof v === 'string');
  return { messages: strings(top.detail, top.message, nested.message, nested.detail), codes: strings(top.code, nested.code) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
