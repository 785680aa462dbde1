// @ts-check
/**
 * The contract validator: loads Apple's OpenAPI spec once, and validates requests and responses
 * with openapi-backend (ajv underneath). Run by a worker thread (contract-worker.mjs, one per
 * process) or by a process serving many (contract-server.mjs, one per test run).
 *
 * Why a worker, and why plain JavaScript: openapi-backend is CommonJS and requires the
 * ESM-only @apidevtools/json-schema-ref-parser. Node >= 20.19 loads that natively
 * (require(esm)), but Jest's module loader cannot (before Node 24.9), so inside tests the
 * library must be loaded by Node itself — a worker thread is real Node whoever started it.
 * It must be JavaScript because the worker runs without a TypeScript loader under Jest.
 * Bonus: compiling the large ajv validators (hundreds of ms) does not block the server.
 */
import { readFileSync } from 'node:fs';
import openapiBackend from 'openapi-backend';

const { OpenAPIBackend } = openapiBackend;

/**
 * String formats used by Apple's spec that ajv does not know (openapi-backend adds only the OAS
 * numeric/binary ones). `number` and `duration` (Game Center strings) have no definition in the
 * spec and accept any string.
 * @param {{ addFormat(name: string, format: RegExp | true): unknown }} ajv
 */
function addAppleFormats(ajv) {
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  ajv.addFormat('number', true);
  ajv.addFormat('duration', true);
  return ajv;
}

/**
 * Apple's spec has `enum: []` in places (e.g. `fields[appKeywords]` of
 * `GET /v1/appStoreVersions/{id}/appStoreVersionLocalizations`), which is not a valid JSON
 * Schema: ajv refuses to compile the whole operation. Such an enum is dropped (the parameter is
 * then unconstrained) so the rest of the operation is still checked.
 * @param {any} node
 */
function dropEmptyEnums(node) {
  if (Array.isArray(node)) for (const item of node) dropEmptyEnums(item);
  else if (node && typeof node === 'object') {
    if (Array.isArray(node.enum) && node.enum.length === 0) delete node.enum;
    for (const value of Object.values(node)) dropEmptyEnums(value);
  }
  return node;
}

/**
 * Deliberate deviation from 4.4.1: `AppInfoUpdateRequest` gives each category linkage as a
 * non-nullable object, but App Store Connect takes `{ "data": null }` to clear a category or
 * subcategory. Evidence: fastlane's spaceship `patch_app_info_categories` ("Adding the key will
 * create/update (if value) or delete if nil", spaceship/lib/spaceship/connect_api/tunes/tunes.rb),
 * which deliver uses on every category change. The emulator lets
 * a null linkage through here and clears the relationship (resources/app-store/app-infos.ts).
 * @param {any} definition
 */
function allowNullCategoryLinkage(definition) {
  const relationships =
    definition?.components?.schemas?.AppInfoUpdateRequest?.properties?.data?.properties?.relationships?.properties ??
    {};
  for (const rel of Object.values(relationships)) {
    const data = /** @type {any} */ (rel)?.properties?.data;
    if (data && typeof data === 'object') data.nullable = true;
  }
  return definition;
}

/** @param {string} specPath */
async function load(specPath) {
  const started = performance.now();
  const backend = new OpenAPIBackend({
    definition: allowNullCategoryLinkage(dropEmptyEnums(JSON.parse(readFileSync(specPath, 'utf8')))),
    // quick: synchronous dereference, no meta-validation of the 7 MB document, lazy ajv compilation.
    quick: true,
    validate: true,
    // optimize: false halves the compile time of the large response schemas (~300 ms, not ~650 ms).
    ajvOpts: { allErrors: true, code: { optimize: false } },
    customizeAjv: (ajv) => addAppleFormats(ajv),
  });
  await backend.init();
  const operations = backend.router.getOperations();
  // openapi-backend rebuilds this 1,263-entry list on every call (~30 ms); it never changes.
  backend.router.getOperations = () => operations;
  unsplitScalarQueryParams(backend.router);
  return { backend, operations, loadMs: performance.now() - started };
}

/**
 * openapi-backend splits every `explode: false` query value on commas into an array, scalar
 * parameters too, so `exists[publishedResponse]=false` arrived as ['false'] and failed "must be
 * boolean". A one-item array of a parameter whose schema is not an array is put back as the value.
 * @param {any} router
 */
function unsplitScalarQueryParams(router) {
  const parse = router.parseRequest.bind(router);
  router.parseRequest = (/** @type {any} */ req, /** @type {any} */ op) => {
    const parsed = parse(req, op);
    for (const p of op?.parameters ?? []) {
      const value = parsed.query?.[p.name];
      if (p.in === 'query' && p.schema?.type !== 'array' && Array.isArray(value) && value.length === 1)
        parsed.query[p.name] = value[0];
    }
    return parsed;
  };
}

/** @param {any} op */
function describeOperation(op) {
  const limit = (op.parameters ?? []).find((/** @type {any} */ p) => p.in === 'query' && p.name === 'limit');
  return {
    operationId: op.operationId,
    method: String(op.method).toUpperCase(),
    path: op.path,
    limitMaximum: limit?.schema?.maximum,
  };
}

/**
 * Loads the spec and answers messages: `{ id, type: 'request', operationId, request }` or
 * `{ id, type: 'response', operationId, status, body }` → `{ id, errors }` or `{ id, failure }`.
 * @param {string} specPath
 */
export async function createValidator(specPath) {
  const { backend, operations, loadMs } = await load(specPath);
  const byId = new Map(operations.filter((op) => op.operationId).map((op) => [op.operationId, op]));
  return {
    ready: {
      type: 'ready',
      loadMs,
      operations: operations.filter((op) => op.operationId).map(describeOperation),
    },
    /** @param {any} msg */
    answer(msg) {
      const op = byId.get(msg.operationId);
      try {
        if (!op) throw new Error(`unknown operation ${msg.operationId}`);
        const result =
          msg.type === 'request'
            ? backend.validator.validateRequest(msg.request, op)
            : backend.validator.validateResponse(msg.body === null ? null : JSON.parse(msg.body), op, msg.status);
        return { id: msg.id, errors: result.errors ?? [] };
      } catch (e) {
        return { id: msg.id, failure: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
