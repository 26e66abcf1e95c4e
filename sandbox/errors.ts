/** A refusal the sandbox answers the way Callbell does: an HTTP status and a JSON body. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(JSON.stringify(body));
  }
}

export const notFound = (what: string) => new SandboxError(404, { error: `${what} not found` });

export const invalid = (errors: Record<string, string[]>) => new SandboxError(422, { errors });

export const badRequest = (error: string) => new SandboxError(400, { error });
