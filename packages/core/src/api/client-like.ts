/**
 * The part of the HTTP client (http/client.ts) that the api/ functions use. Typing against this
 * keeps api/ independent of how the client is built, and lets a test pass any object that fits.
 */
export type QueryValue = string | number | boolean | readonly string[] | undefined;
export type Query = Record<string, QueryValue>;

export interface ApiResponseLike<T> {
  status: number;
  data: T;
  headers: Headers;
}

export interface ApiClientLike {
  get<T>(path: string, query?: Query): Promise<ApiResponseLike<T>>;
  /** Follows `links.next` and yields each resource object of `data`, up to `maxItems`. */
  paginate<T>(path: string, query?: Query, options?: { maxItems?: number }): AsyncGenerator<T>;
}
