// An error the hub explains to its user: an HTTP status and a Vietnamese sentence saying what
// happened and what to do. Anything else is a bug and is answered with a generic 500.
export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
