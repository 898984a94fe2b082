/** Fetching a URL with an error message that says which URL failed and how. */

/** Raised when a URL cannot be fetched: `could not load <url>: HTTP 404 Not Found` and the like. */
export class FetchError extends Error {
  override name = 'FetchError';
}

/** Fetches `url`; a network failure or a non-2xx status throws a {@link FetchError} naming the URL. */
export async function fetchOk(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new FetchError(`could not load ${url}: ${(error as Error).message}`);
  }
  if (!response.ok)
    throw new FetchError(
      `could not load ${url}: HTTP ${response.status} ${response.statusText}`.trim(),
    );
  return response;
}
