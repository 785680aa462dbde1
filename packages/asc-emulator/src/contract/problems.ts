/**
 * Turns ajv's validation errors (as openapi-backend reports them) into one readable line per
 * problem and into Apple-shaped error objects whose detail starts with
 * "Emulator contract violation:".
 */
import type { AppleErrorObject } from '../jsonapi/errors.js';
import type { AjvError } from './spec-contract.js';

export const REQUEST_PREFIX = 'Emulator contract violation:';

export interface Problem {
  where: 'query' | 'path' | 'body' | 'request';
  /** Query/path parameter name. */
  parameter?: string;
  /** JSON pointer into the request body. */
  pointer?: string;
  unknownParameter: boolean;
  text: string;
}

function describe(e: AjvError): string {
  const p = e.params;
  if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) {
    const allowed = p.allowedValues as unknown[];
    const shown = allowed.slice(0, 12).join(', ') + (allowed.length > 12 ? `, … (${allowed.length} values)` : '');
    return `must be one of: ${shown}`;
  }
  if (e.keyword === 'additionalProperties') return `unknown property '${String(p.additionalProperty)}'`;
  return e.message ?? e.keyword;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** One problem per ajv error, without duplicates. */
export function problemsFromAjv(errors: AjvError[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of errors) {
    const problem = toProblem(e);
    if (seen.has(problem.text)) continue;
    seen.add(problem.text);
    out.push(problem);
  }
  return out;
}

function toProblem(e: AjvError): Problem {
  const segments = e.instancePath.split('/').slice(1).map(unescapePointer);
  const [root, ...rest] = segments;
  const p = e.params;
  if (e.keyword === 'parse' && !root) {
    return {
      where: 'body',
      pointer: '',
      unknownParameter: false,
      text: `request body is not valid JSON (${e.message ?? 'parse error'})`,
    };
  }
  if (root === 'query' || root === 'path') {
    if (e.keyword === 'additionalProperties' && rest.length === 0) {
      const name = String(p.additionalProperty);
      return {
        where: root,
        parameter: name,
        unknownParameter: true,
        text: `${root} parameter '${name}' is not declared for this operation`,
      };
    }
    if (e.keyword === 'required' && rest.length === 0) {
      const name = String(p.missingProperty);
      return { where: root, parameter: name, unknownParameter: false, text: `${root} parameter '${name}' is required` };
    }
    const name = rest[0] ?? '';
    const value = rest.length > 1 ? ` value #${rest[1]}` : '';
    return {
      where: root,
      parameter: name,
      unknownParameter: false,
      text: `${root} parameter '${name}'${value} ${describe(e)}`,
    };
  }
  if (root === 'requestBody' || (e.keyword === 'required' && p.missingProperty === 'requestBody')) {
    const pointer = '/' + rest.join('/');
    const text = p.missingProperty === 'requestBody' ? 'request body is required' : `body ${pointer}: ${describe(e)}`;
    return { where: 'body', pointer: pointer === '/' ? '' : pointer, unknownParameter: false, text };
  }
  return { where: 'request', unknownParameter: false, text: `${e.instancePath || 'request'}: ${describe(e)}` };
}

/** Apple-shaped error objects for a request that broke the contract (answered 400). */
export function appleErrorsFor(problems: Problem[]): AppleErrorObject[] {
  return problems.map((pr) => {
    const detail = `${REQUEST_PREFIX} ${pr.text}`;
    if (pr.parameter !== undefined && pr.unknownParameter) {
      return {
        status: '400',
        code: 'PARAMETER_ERROR.ILLEGAL',
        title: 'A given parameter is not allowed for this request',
        detail,
        source: { parameter: pr.parameter },
      };
    }
    if (pr.parameter !== undefined) {
      return {
        status: '400',
        code: 'PARAMETER_ERROR.INVALID',
        title: 'A parameter has an invalid value',
        detail,
        source: { parameter: pr.parameter },
      };
    }
    if (pr.where === 'body') {
      const error: AppleErrorObject = {
        status: '400',
        code: 'ENTITY_ERROR',
        title: 'The provided entity is invalid',
        detail,
      };
      if (pr.pointer) error.source = { pointer: pr.pointer };
      return error;
    }
    return { status: '400', code: 'PARAMETER_ERROR.INVALID', title: 'The request is invalid', detail };
  });
}

/** Problems of a response body, one line each. */
export function responseProblems(errors: AjvError[]): string[] {
  return [...new Set(errors.map((e) => `${e.instancePath || '(root)'} ${describe(e)}`))];
}
