/** Encodes reference tokens as an RFC 6901 JSON pointer: `['paths', '/pets']` → `/paths/~1pets`. */
export function toPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Splits an RFC 6901 JSON pointer into its reference tokens; `""` is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}
