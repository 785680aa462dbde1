/**
 * Holds every request and response to Apple's contract. A request outside it is answered as
 * Apple would refuse it (400, or 404/405 for an unknown path/method) with a detail starting
 * "Emulator contract violation:"; a response outside it becomes a loud 500. Both are recorded.
 */
import type { ContractViolation } from '../types.js';
import { AppleError, pathNotFound, responseContractViolation } from '../jsonapi/errors.js';
import { appleErrorsFor, problemsFromAjv, REQUEST_PREFIX, responseProblems } from './problems.js';
import type { SpecContract, SpecOperation } from './spec-contract.js';
import type { QueryParams } from '../jsonapi/query.js';
import type { Reply } from '../jsonapi/reply.js';

export interface RequestFacts {
  method: string;
  pathname: string;
  rawQuery: string;
  query: QueryParams;
  contentType?: string;
  rawBody: string;
}

export type RequestVerdict =
  | { operation: SpecOperation; error?: undefined }
  | { operation?: SpecOperation; error: AppleError; violation: ContractViolation };

/**
 * Apple's `links.next` carries `cursor=…`, but the spec declares no `cursor` parameter on any
 * operation. The emulator follows reality: `cursor` is allowed wherever the spec allows `limit`.
 */
const UNDECLARED_BUT_REAL = ['cursor'];

export async function checkRequest(contract: SpecContract, req: RequestFacts): Promise<RequestVerdict> {
  const base = { direction: 'request' as const, method: req.method, path: req.pathname, query: req.rawQuery };
  const match = contract.match(req.method, req.pathname);
  if (!match.operation) {
    const what = `${req.method} ${req.pathname} is not an operation in Apple's spec`;
    const error = match.pathKnown
      ? methodNotAllowed(`${REQUEST_PREFIX} ${what}.`)
      : pathNotFound(`${REQUEST_PREFIX} ${what}.`);
    return { error, violation: { ...base, status: error.status, problems: [what] } };
  }
  const operation = match.operation;
  const omit = operation.limitMaximum !== undefined ? UNDECLARED_BUT_REAL : [];
  const errors = await contract.validateRequest(operation, {
    method: req.method,
    pathname: req.pathname,
    query: req.query.toObject(omit),
    contentType: req.contentType,
    rawBody: req.rawBody,
  });
  if (!errors.length) return { operation };
  const problems = problemsFromAjv(errors);
  const error = new AppleError(400, appleErrorsFor(problems));
  const violation = { ...base, operationId: operation.operationId, status: 400, problems: problems.map((p) => p.text) };
  return { operation, error, violation };
}

function methodNotAllowed(detail: string): AppleError {
  return new AppleError(405, [
    {
      status: '405',
      code: 'METHOD_NOT_ALLOWED',
      title: 'The request method is not valid for the resource path.',
      detail,
    },
  ]);
}

/** Validates a reply's JSON body (or empty body) against the schema declared for its status. */
export async function checkResponse(
  contract: SpecContract,
  operation: SpecOperation,
  req: RequestFacts,
  reply: Reply,
): Promise<{ reply: Reply; violation?: ContractViolation }> {
  if (reply.binary) return { reply };
  const errors = await contract.validateResponse(
    operation,
    reply.status,
    reply.json === undefined ? null : JSON.stringify(reply.json),
  );
  if (!errors.length) return { reply };
  const problems = responseProblems(errors);
  const violation: ContractViolation = {
    direction: 'response',
    method: req.method,
    path: req.pathname,
    query: req.rawQuery,
    operationId: operation.operationId,
    status: reply.status,
    problems,
  };
  const error = responseContractViolation(problems);
  return { reply: { status: error.status, json: error.body() }, violation };
}
