import { fileURLToPath } from 'node:url';
import { openContract, type Contract } from 'specgate/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBookshelf } from '../api/app.js';

let api: Contract;
beforeAll(async () => {
  api = await openContract({ config: fileURLToPath(new URL('../specgate.config.ts', import.meta.url)), target: createBookshelf() });
});
afterAll(() => api.close());

describe('books', () => {
  test('a reader gets the book the fixtures name', async () => {
    const response = await api.client('reader').send('GET /books/{book_id}');
    expect(response).toMatchOperation(api.operation('GET /books/{book_id}'));
    expect(JSON.parse(response.response!.body)).toMatchObject({ id: 'b-1' });
  });

  test('an unknown book is a 404 in the error envelope', async () => {
    const request = api.sample('GET /books/{book_id}');
    const response = await api.client('reader').send({ ...request, path: request.path.replace('b-1', 'b-999') });
    expect(response.response?.status).toBe(404);
    expect(response).toMatchOperation(api.operation('GET /books/{book_id}'));
    expect(response).toHaveErrorEnvelope();
  });

  test('every list follows its cursor to the end, each item once', async () => {
    for (const key of ['GET /books', 'GET /authors']) {
      const request = api.sample(key);
      const seen: unknown[] = [];
      let cursor: string | null = '';
      for (let pages = 0; cursor !== null && pages < 10; pages++) {
        const response = await api.client('reader').send({ ...request, path: `${request.path}?limit=2${cursor ? `&cursor=${cursor}` : ''}` });
        expect(response).toMatchOperation(api.operation(key));
        const page = JSON.parse(response.response!.body) as { items: unknown[]; next: string | null };
        seen.push(...page.items.map((item) => JSON.stringify(item)));
        cursor = page.next;
      }
      expect(cursor).toBeNull();
      expect(new Set(seen).size).toBe(seen.length);
    }
  });
});
