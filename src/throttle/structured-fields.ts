/** A bare item of an HTTP structured field (RFC 9651 §3.3); tokens are kept apart from strings. */
export type BareItem = number | string | boolean | { token: string } | { bytes: string };

export interface Item {
  value: BareItem;
  params: Map<string, BareItem>;
}

/**
 * Parses a structured-field List (RFC 9651 §4.2.1); undefined when the text is not one. Rate-limit fields
 * use no inner lists, so one counts as malformed.
 */
export function parseList(text: string): Item[] | undefined {
  return parseWhole(text, (p) => p.list());
}

/** Parses a structured-field Dictionary (RFC 9651 §4.2.2); undefined when the text is not one. */
export function parseDictionary(text: string): Map<string, Item> | undefined {
  return parseWhole(text, (p) => p.dictionary());
}

/** The parameter as an integer, or undefined when absent or of another type. */
export function integerParam(item: Item, name: string): number | undefined {
  const value = item.params.get(name);
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** The item's value as a name: a string or a token. */
export function itemName(item: Item): string | undefined {
  if (typeof item.value === 'string') return item.value;
  return typeof item.value === 'object' && 'token' in item.value ? item.value.token : undefined;
}

class Malformed extends Error {}

function parseWhole<T>(text: string, parse: (p: Parser) => T): T | undefined {
  const parser = new Parser(text.trim());
  try {
    const value = parse(parser);
    return parser.done() ? value : undefined;
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
}

class Parser {
  #pos = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.#pos === this.text.length;
  }

  list(): Item[] {
    const members: Item[] = [];
    while (!this.done()) {
      members.push(this.item());
      if (!this.#separator()) break;
    }
    return members;
  }

  dictionary(): Map<string, Item> {
    const members = new Map<string, Item>();
    while (!this.done()) {
      const key = this.#key();
      if (this.#peek() === '=') {
        this.#pos++;
        members.set(key, this.item());
      } else members.set(key, { value: true, params: this.#params() });
      if (!this.#separator()) break;
    }
    return members;
  }

  item(): Item {
    return { value: this.#bareItem(), params: this.#params() };
  }

  #separator(): boolean {
    this.#skip(/[ \t]/);
    if (this.done()) return false;
    if (this.#peek() !== ',') throw new Malformed();
    this.#pos++;
    this.#skip(/[ \t]/);
    if (this.done()) throw new Malformed();
    return true;
  }

  #params(): Map<string, BareItem> {
    const params = new Map<string, BareItem>();
    while (this.#peek() === ';') {
      this.#pos++;
      this.#skip(/ /);
      const key = this.#key();
      let value: BareItem = true;
      if (this.#peek() === '=') {
        this.#pos++;
        value = this.#bareItem();
      }
      params.set(key, value);
    }
    return params;
  }

  #key(): string {
    return this.#match(/[a-z*][a-z0-9_\-.*]*/y);
  }

  #bareItem(): BareItem {
    const c = this.#peek();
    if (c === '"') return this.#string();
    if (c === ':') return { bytes: this.#match(/:[A-Za-z0-9+/=]*:/y).slice(1, -1) };
    if (c === '?') return this.#match(/\?[01]/y) === '?1';
    if (c !== undefined && /[-0-9]/.test(c)) return this.#number();
    return { token: this.#match(/[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*/y) };
  }

  #number(): number {
    return Number(this.#match(/-?\d{1,15}(?:\.\d{1,3})?/y));
  }

  #string(): string {
    let value = '';
    for (this.#pos++; ; this.#pos++) {
      const c = this.#peek();
      if (c === undefined) throw new Malformed();
      if (c === '"') {
        this.#pos++;
        return value;
      }
      if (c === '\\') {
        const escaped = this.text[++this.#pos];
        if (escaped !== '"' && escaped !== '\\') throw new Malformed();
        value += escaped;
      } else if (c < ' ' || c > '~') throw new Malformed();
      else value += c;
    }
  }

  #match(pattern: RegExp): string {
    pattern.lastIndex = this.#pos;
    const match = pattern.exec(this.text);
    if (!match) throw new Malformed();
    this.#pos += match[0].length;
    return match[0];
  }

  #skip(space: RegExp): void {
    while (this.#peek() !== undefined && space.test(this.#peek()!)) this.#pos++;
  }

  #peek(): string | undefined {
    return this.text[this.#pos];
  }
}
