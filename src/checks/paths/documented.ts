import type { MediaType, Operation, ResponseSpec } from '../../spec/model.js';

/** The documented response a status falls under: the exact code, then its `NXX` range, then `default`. */
export function documentedResponse(operation: Operation, status: number): ResponseSpec | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  return (
    operation.responses.find((r) => r.status === code) ??
    operation.responses.find((r) => r.status.toUpperCase() === range) ??
    operation.responses.find((r) => r.status === 'default')
  );
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
