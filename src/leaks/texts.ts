const MAX_NODES = 10_000;

/**
 * The texts of a body to search for traces: every string in a JSON body (an array of strings also joined
 * by newlines, as frames often come one per element), an HTML body as text, else the body itself.
 */
export function textsOf(body: string, mediaType: string): string[] {
  const json = parseJson(body);
  if (json !== undefined) return jsonStrings(json);
  if (mediaType === 'text/html' || /^\s*</.test(body)) return [htmlText(body)];
  return [body];
}

function parseJson(body: string): unknown {
  if (!/^\s*[[{"]/.test(body)) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function jsonStrings(root: unknown): string[] {
  const found: string[] = [];
  const pending: unknown[] = [root];
  for (let visited = 0; pending.length > 0 && visited < MAX_NODES; visited++) {
    const node = pending.pop();
    if (typeof node === 'string') found.push(node);
    else if (Array.isArray(node)) {
      const strings = node.filter((item): item is string => typeof item === 'string');
      if (strings.length > 1) found.push(strings.join('\n'));
      pending.push(...node);
    } else if (node && typeof node === 'object') pending.push(...Object.values(node));
  }
  return found;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#x2F': '/' };

function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]{0,1000}>/g, '')
    .replace(/&(nbsp|lt|gt|amp|quot|apos|#39|#x27|#x2F);/gi, (_, name: string) => ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? '');
}

/**
 * At most `max` characters of a quote from a response, the last one `…` when it is cut: reports mask the part
 * of a secret the API echoed that a cut leaves next to the mark.
 */
export function excerpt(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
