// Every shape's documented vectors (tests/rest/shape-vectors.ts) on an array source.
import { arraySource } from 'pagewise/array';
import { restResponse } from 'pagewise/rest';
import { articles, SHAPE_VECTORS } from './shape-vectors';

describe('the REST shapes as their projects document them, on an array', () => {
  it.each(SHAPE_VECTORS.map((vector) => [vector.id, vector] as const))('%s', async (_id, vector) => {
    const response = await restResponse(
      { url: vector.target, headers: { host: vector.host } },
      { ...vector.options, source: arraySource(articles(vector.rows)) },
    );
    expect({ status: response.status, body: JSON.parse(response.body) as unknown }).toEqual({ status: vector.status, body: vector.body });
  });
});
