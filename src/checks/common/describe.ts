import { jsonBody, type Exchange, type RecordedResponse } from '../../http/exchange.js';

const MESSAGE_FIELDS = ['detail', 'message', 'error_description', 'error', 'title'];
const MAX_QUOTE = 120;

/** `GET /api/models/m-1`: the request as sent, for messages (the report redacts credential query parameters). */
export function target(exchange: Exchange): string {
  return `${exchange.request.method} ${exchange.request.path}`;
}

/** ` ("Authentication credentials were not provided.")`: the API's own short message from a JSON body, if any. */
export function said(response: RecordedResponse): string {
  const body = jsonBody(response);
  if (typeof body !== 'object' || body === null) return '';
  for (const field of MESSAGE_FIELDS) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string' && value !== '') return ` ("${value.length > MAX_QUOTE ? `${value.slice(0, MAX_QUOTE)}…` : value}")`;
  }
  return '';
}
