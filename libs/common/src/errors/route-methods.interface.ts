/** The methods the routes answer, for paths no route matched with the request's method. */
export interface RouteMethods {
  /** The methods some route answers at `path` (upper case), empty when no route has it. */
  allowedAt(path: string): readonly string[];
}
