import type { IncomingMessage, ServerResponse } from 'node:http';
import { restRequestOf, sendRestResponse } from './node-http';
import { checkRestOptions, type RestOptions } from './rest-options';
import { restResponse } from './rest-response';

/** An Express 5 handler: `app.get('/articles/', expressHandler({...}))`; also works with `router.use`. */
export function expressHandler<T>(
  options: RestOptions<T>,
): (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: (error?: unknown) => void) => Promise<void> {
  checkRestOptions(options);
  return async (req, res, next) => {
    try {
      sendRestResponse(res, await restResponse(restRequestOf(req), options));
    } catch (error) {
      // Only writing can fail here (the response is already built); Express's error handling takes it.
      next(error);
    }
  };
}
