import type { MediaType, Operation, ResponseSpec } from '../../spec/model.js';

/**
 * The documented response a status falls under: the exact code, then its `NXX` range, then `default` — except
 * a 2xx when the operation lists its successes (a 2xx code or `2XX`): `default` then documents the errors, as
 * generators write it (drf-spectacular, grpc-gateway, go-swagger), and an unlisted success is undocumented.
 */
export function documentedResponse(operation: Operation, status: number): ResponseSpec | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  const listed = operation.responses.find((r) => r.status === code) ?? operation.responses.find((r) => r.status.toUpperCase() === range);
  if (listed) return listed;
  if (status >= 200 && status < 300 && operation.responses.some((r) => /^2/.test(r.status))) return undefined;
  return operation.responses.find((r) => r.status === 'default');
}

/** Whether a response media type is covered by a documented one (`*\/*`, `type/*`, parameters ignored). */
export function mediaTypeMatches(documented: string, actual: string): boolean {
  const [docType = '', docSub = ''] = documented.split(';')[0]!.trim().toLowerCase().split('/');
  const [type = '', sub = ''] = actual.split(';')[0]!.trim().toLowerCase().split('/');
  if (docType === '*') return true;
  if (docType !== type) return false;
  return docSub === '*' || docSub === sub;
}

export function documentedMedia(response: ResponseSpec, actual: string): MediaType | undefined {
  const exact = response.content.find((media) => media.type.split(';')[0]!.trim().toLowerCase() === actual);
  return exact ?? response.content.find((media) => mediaTypeMatches(media.type, actual));
}

export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}
