/** An error raised on purpose, by a route or by the guards before it: a JSON reply with its status and code. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string) { super(message) }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', what)
