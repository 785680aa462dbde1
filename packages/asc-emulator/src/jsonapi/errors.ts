/**
 * Apple-shaped error documents (`ErrorResponse`). Titles and details are Apple's own words where
 * they are known from real responses; `status` is a string, as Apple sends it.
 */

export interface AppleErrorObject {
  id?: string;
  status: string;
  code: string;
  title: string;
  detail: string;
  source?: { pointer: string } | { parameter: string };
  /** e.g. `associatedErrors` on a 409 for a version that is not ready for review. */
  meta?: Record<string, unknown>;
}

/** Thrown by handlers; the pipeline turns it into the HTTP answer. */
export class AppleError extends Error {
  readonly status: number;
  readonly errors: AppleErrorObject[];
  readonly headers: Record<string, string>;
  constructor(status: number, errors: AppleErrorObject[], headers: Record<string, string> = {}) {
    super(errors.map((e) => `${e.code}: ${e.detail}`).join('; '));
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
  body(): { errors: AppleErrorObject[] } {
    return { errors: this.errors };
  }
}

function one(
  status: number,
  code: string,
  title: string,
  detail: string,
  source?: AppleErrorObject['source'],
): AppleError {
  const error: AppleErrorObject = { status: String(status), code, title, detail };
  if (source) error.source = source;
  return new AppleError(status, [error]);
}

export const NOT_AUTHORIZED_DETAIL =
  'Provide a properly configured and signed bearer token, and make sure that it has not expired. ' +
  'Learn more about Generating Tokens for API Requests https://developer.apple.com/go/?id=api-generating-tokens';

export function notAuthorized(): AppleError {
  return one(401, 'NOT_AUTHORIZED', 'Authentication credentials are missing or invalid.', NOT_AUTHORIZED_DETAIL);
}

/** `retryAfter` '' sends no Retry-After header. */
export function rateLimitExceeded(retryAfter: string): AppleError {
  const e = one(
    429,
    'RATE_LIMIT_EXCEEDED',
    'The request rate limit has been reached.',
    "We've received too many requests for this API. Please wait and try again or slow down your request rate.",
  );
  if (retryAfter !== '') e.headers['Retry-After'] = retryAfter;
  return e;
}

export function resourceNotFound(type: string, id: string): AppleError {
  return one(
    404,
    'NOT_FOUND',
    'The specified resource does not exist',
    `There is no resource of type '${type}' with id '${id}'`,
  );
}

export function pathNotFound(extra = ''): AppleError {
  const detail = 'The path provided does not match a defined resource type.';
  return one(404, 'NOT_FOUND', 'The specified resource does not exist', extra ? `${extra} ${detail}` : detail);
}

export function invalidParameter(parameter: string, detail: string): AppleError {
  return one(400, 'PARAMETER_ERROR.INVALID', 'A parameter has an invalid value', detail, { parameter });
}

export function illegalParameter(parameter: string, detail?: string): AppleError {
  return one(
    400,
    'PARAMETER_ERROR.ILLEGAL',
    'A given parameter is not allowed for this request',
    detail ?? `The parameter '${parameter}' can not be used with this request`,
    { parameter },
  );
}

/** 409 as Apple answers entity errors, with a JSON pointer into the request body. */
export function invalidAttribute(pointer: string, detail: string): AppleError {
  return one(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', 'An attribute value is invalid.', detail, { pointer });
}

export function attributeRequired(pointer: string, name: string): AppleError {
  return one(
    409,
    'ENTITY_ERROR.ATTRIBUTE.REQUIRED',
    'The provided entity is missing a required attribute',
    `You must provide a value for the attribute '${name}' with this request`,
    {
      pointer,
    },
  );
}

/** Apple refuses attributes an operation does not accept, where the spec would allow them. */
export function unknownAttribute(pointer: string, name: string, operation: 'CREATE' | 'UPDATE'): AppleError {
  return one(
    409,
    'ENTITY_ERROR.ATTRIBUTE.UNKNOWN',
    'The provided entity includes an unknown attribute',
    `'${name}' is not a valid attribute for a ${operation} request.`,
    {
      pointer,
    },
  );
}

export function invalidRelationship(pointer: string, detail: string): AppleError {
  return one(
    409,
    'ENTITY_ERROR.RELATIONSHIP.INVALID',
    'The provided entity includes a relationship with an invalid value',
    detail,
    {
      pointer,
    },
  );
}

export function stateError(detail: string): AppleError {
  return one(409, 'STATE_ERROR', 'The request cannot be fulfilled because of the state of another resource.', detail);
}

/**
 * A key whose role does not allow the operation. Apple's words, as seen in real 403 answers
 * (e.g. a Developer key listing sales reports): "This request is forbidden for security reasons"
 * / "The API key in use does not allow this request".
 */
export function forbidden(detail = 'The API key in use does not allow this request'): AppleError {
  return one(403, 'FORBIDDEN_ERROR', 'This request is forbidden for security reasons', detail);
}

export function faultStatus(status: number): AppleError {
  const titles: Record<number, [string, string]> = {
    500: ['UNEXPECTED_ERROR', 'An unexpected error occurred.'],
    502: ['UNEXPECTED_ERROR', 'Bad gateway.'],
    503: ['SERVICE_UNAVAILABLE', 'The service is temporarily unavailable.'],
    504: ['UNEXPECTED_ERROR', 'The gateway timed out.'],
  };
  const [code, title] = titles[status] ?? ['UNEXPECTED_ERROR', `The server answered ${status}.`];
  return one(status, code, title, 'Injected by the emulator (fault).');
}

/**
 * The emulator's own answer for a part of Apple's API (a route, filter, include) it does not
 * emulate yet: 501, so a test that depends on it fails loudly instead of seeing a plausible 404.
 */
export function notImplemented(what: string): AppleError {
  return one(
    501,
    'EMULATOR_NOT_IMPLEMENTED',
    'Not implemented by the emulator',
    `The emulator does not implement ${what} yet.`,
  );
}

/** The emulator's own answer when a response it built breaks Apple's contract. */
export function responseContractViolation(problems: string[]): AppleError {
  return one(
    500,
    'UNEXPECTED_ERROR',
    'An unexpected error occurred.',
    `Emulator response contract violation: ${problems.join('; ')}`,
  );
}
