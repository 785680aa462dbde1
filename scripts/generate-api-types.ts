/**
 * Generates TypeScript types from Apple's App Store Connect OpenAPI spec for the schemas and
 * operations this project uses (and everything they reference, transitively).
 *
 *   ASC_OPENAPI_SPEC=/path/to/app-store-connect-openapi.json npx tsx scripts/generate-api-types.ts [--check]
 *
 * Add names to SCHEMAS / OPERATIONS as features need them and run it again. `--check` writes
 * nothing and fails when the committed files differ from what the spec gives.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applySharedDefaults } from '../test-support/shared-paths.js';

applySharedDefaults();

/** Component schemas to generate (their references come along). */
export const SCHEMAS = [
  'App',
  'AppsResponse',
  'AppResponse',
  'AppUpdateRequest',
  'BetaGroup',
  'BetaGroupsResponse',
  'BetaGroupResponse',
  'BetaGroupCreateRequest',
  'ErrorResponse',
  'PagingInformation',
  'DocumentLinks',
  'PagedDocumentLinks',
  'ResourceLinks',
  'CustomerReview',
  'CustomerReviewsResponse',
  'CustomerReviewResponse',
  'CustomerReviewResponseV1',
  'CustomerReviewResponseV1Response',
  'CustomerReviewResponseV1CreateRequest',
  'TerritoryCode',
  'AppInfo',
  'AppInfosResponse',
  'AppInfoResponse',
  'AppInfoUpdateRequest',
  'AppInfoLocalization',
  'AppInfoLocalizationsResponse',
  'AppInfoLocalizationResponse',
  'AppInfoLocalizationCreateRequest',
  'AppInfoLocalizationUpdateRequest',
  'AppStoreVersion',
  'AppStoreVersionsResponse',
  'AppStoreVersionResponse',
  'AppStoreVersionCreateRequest',
  'AppStoreVersionUpdateRequest',
  'AppStoreVersionLocalization',
  'AppStoreVersionLocalizationsResponse',
  'AppStoreVersionLocalizationResponse',
  'AppStoreVersionLocalizationCreateRequest',
  'AppStoreVersionLocalizationUpdateRequest',
  'AppStoreReviewDetail',
  'AppStoreReviewDetailResponse',
  'AppStoreReviewDetailCreateRequest',
  'AppStoreReviewDetailUpdateRequest',
  'AppCategory',
  'AppCategoriesResponse',
  'AppVersionState',
  'Platform',
  'Build',
  'BuildBetaDetail',
  'BuildUpload',
  'PrereleaseVersion',
  'BetaTester',
  'BetaBuildLocalization',
  'BetaAppLocalization',
  'BetaAppReviewDetail',
  'BetaAppReviewSubmission',
  'BetaReviewState',
  'InternalBetaState',
  'ExternalBetaState',
  // Analytics Reports (fetch-analytics-report)
  'AnalyticsReportRequest',
  'AnalyticsReportRequestsResponse',
  'AnalyticsReportRequestResponse',
  'AnalyticsReportRequestCreateRequest',
  'AnalyticsReport',
  'AnalyticsReportsResponse',
  'AnalyticsReportInstance',
  'AnalyticsReportInstancesResponse',
  'AnalyticsReportSegment',
  'AnalyticsReportSegmentsResponse',
  // App Review and release (submit-for-review, release-version)
  'ReviewSubmission',
  'ReviewSubmissionCreateRequest',
  'ReviewSubmissionUpdateRequest',
  'ReviewSubmissionItem',
  'ReviewSubmissionItemCreateRequest',
  'AppStoreVersionPhasedRelease',
  'PhasedReleaseState',
  'AppStoreVersionPhasedReleaseCreateRequest',
  'AppStoreVersionPhasedReleaseUpdateRequest',
  'AppStoreVersionReleaseRequestCreateRequest',
  'AgeRatingDeclaration',
  'AppScreenshotSet',
  'AppScreenshot',
];

/** Operation ids whose path, query parameters, body and response get named types. */
export const OPERATIONS = [
  'apps_getCollection',
  'apps_getInstance',
  'apps_updateInstance',
  'betaGroups_getCollection',
  'betaGroups_getInstance',
  'betaGroups_createInstance',
  'apps_customerReviews_getToManyRelated',
  'customerReviews_getInstance',
  'customerReviews_response_getToOneRelated',
  'customerReviewResponses_createInstance',
  'customerReviewResponses_getInstance',
  'customerReviewResponses_deleteInstance',
  'apps_appInfos_getToManyRelated',
  'appInfos_getInstance',
  'appInfos_updateInstance',
  'appInfos_appInfoLocalizations_getToManyRelated',
  'appInfoLocalizations_createInstance',
  'appInfoLocalizations_updateInstance',
  'apps_appStoreVersions_getToManyRelated',
  'appStoreVersions_getInstance',
  'appStoreVersions_createInstance',
  'appStoreVersions_updateInstance',
  'appStoreVersionLocalizations_createInstance',
  'appStoreVersionLocalizations_updateInstance',
  'appStoreVersions_appStoreReviewDetail_getToOneRelated',
  'appStoreReviewDetails_createInstance',
  'appStoreReviewDetails_updateInstance',
  'appCategories_getCollection',
  'salesReports_getCollection',
  'financeReports_getCollection',
  'builds_getCollection',
  'builds_getInstance',
  'builds_updateInstance',
  'builds_buildBetaDetail_getToOneRelated',
  'buildBetaDetails_updateInstance',
  'apps_buildUploads_getToManyRelated',
  'apps_betaGroups_getToManyRelated',
  'betaGroups_builds_createToManyRelationship',
  'betaGroups_betaTesters_getToManyRelationship',
  'betaGroups_betaTesters_createToManyRelationship',
  'betaTesters_getCollection',
  'betaTesters_createInstance',
  'builds_betaBuildLocalizations_getToManyRelated',
  'betaBuildLocalizations_createInstance',
  'betaBuildLocalizations_updateInstance',
  'apps_betaAppLocalizations_getToManyRelated',
  'apps_betaAppReviewDetail_getToOneRelated',
  'betaAppReviewSubmissions_getCollection',
  'betaAppReviewSubmissions_createInstance',
  // Analytics Reports (fetch-analytics-report)
  'apps_analyticsReportRequests_getToManyRelated',
  'analyticsReportRequests_createInstance',
  'analyticsReportRequests_getInstance',
  'analyticsReportRequests_reports_getToManyRelated',
  'analyticsReports_instances_getToManyRelated',
  'analyticsReportInstances_segments_getToManyRelated',
  // App Review and release (submit-for-review, release-version)
  'reviewSubmissions_getCollection',
  'reviewSubmissions_createInstance',
  'reviewSubmissions_getInstance',
  'reviewSubmissions_updateInstance',
  'reviewSubmissionItems_createInstance',
  'appStoreVersions_build_updateToOneRelationship',
  'appStoreVersions_appStoreVersionPhasedRelease_getToOneRelated',
  'appStoreVersionPhasedReleases_createInstance',
  'appStoreVersionPhasedReleases_updateInstance',
  'appStoreVersionPhasedReleases_deleteInstance',
  'appStoreVersionReleaseRequests_createInstance',
  'appInfos_ageRatingDeclaration_getToOneRelated',
  'appStoreVersionLocalizations_appScreenshotSets_getToManyRelated',
  // Pricing and availability (submit-for-review's readiness reads them)
  'apps_appPriceSchedule_getToOneRelated',
  'apps_appAvailabilityV2_getToOneRelated',
  'appAvailabilitiesV2_territoryAvailabilities_getToManyRelated',
];

const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/core/src/api/generated');

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  nullable?: boolean;
  deprecated?: boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  maximum?: number;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  deprecated?: boolean;
  schema?: Schema;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Spec {
  info: { version: string };
  paths: Record<string, Record<string, Operation | Parameter[]>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Renders schemas to TypeScript, collecting the component names it references. */
class Renderer {
  readonly refs = new Set<string>();

  type(schema: Schema, indent: string): string {
    const base = this.base(schema, indent);
    return schema.nullable && base !== 'unknown' ? `${base} | null` : base;
  }

  private base(s: Schema, indent: string): string {
    if (s.$ref) return this.ref(s.$ref);
    const union = s.oneOf ?? s.anyOf;
    if (union) return [...new Set(union.map((x) => this.type(x, indent)))].join(' | ');
    if (s.allOf) return s.allOf.map((x) => parens(this.type(x, indent))).join(' & ');
    if (s.enum) return s.enum.map(literal).join(' | ');
    if (s.type === 'string') return 'string';
    if (s.type === 'integer' || s.type === 'number') return 'number';
    if (s.type === 'boolean') return 'boolean';
    if (s.type === 'array') return `${parens(this.type(s.items ?? {}, indent))}[]`;
    if (s.type === 'object' || s.properties) return this.object(s, indent);
    return 'unknown';
  }

  ref(ref: string): string {
    const name = ref.replace('#/components/schemas/', '').replace(/[^A-Za-z0-9_]/g, '_');
    this.refs.add(name);
    return name;
  }

  object(s: Schema, indent: string): string {
    const inner = `${indent}  `;
    const required = new Set(s.required ?? []);
    const lines: string[] = [];
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const notes = [
        prop.deprecated ? '@deprecated' : '',
        prop.maximum !== undefined ? `Maximum ${prop.maximum}.` : '',
      ].filter(Boolean);
      if (notes.length > 0) lines.push(`${inner}/** ${notes.join(' ')} */`);
      lines.push(`${inner}${key(name)}${required.has(name) ? '' : '?'}: ${this.type(prop, inner)};`);
    }
    const extra = s.additionalProperties;
    if (extra !== undefined && extra !== false) {
      const typed = typeof extra === 'object' && Object.keys(extra).length > 0 && lines.length === 0;
      lines.push(`${inner}[key: string]: ${typed ? this.type(extra, inner) : 'unknown'};`);
    }
    return lines.length === 0 ? 'Record<string, unknown>' : `{\n${lines.join('\n')}\n${indent}}`;
  }
}

function parens(type: string): string {
  return /^[A-Za-z0-9_<>, ]+$/.test(type) || (type.startsWith('{') && type.endsWith('}')) ? type : `(${type})`;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `'${name}'`;
}

function header(spec: Spec): string {
  return `// Generated by scripts/generate-api-types.ts from Apple's App Store Connect OpenAPI ${spec.info.version}. Do not edit.\n`;
}

/** Every schema reachable from `roots`, rendered, sorted by name. */
export function generateSchemas(spec: Spec, roots: Iterable<string>): string {
  const renderer = new Renderer();
  const queue = [...roots];
  const done = new Map<string, string>();
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (done.has(name)) continue;
    const schema = spec.components.schemas[name];
    if (!schema) throw new Error(`schema ${name} is not in the spec`);
    renderer.refs.clear();
    const isObject = !schema.$ref && !schema.oneOf && !schema.enum && (schema.type === 'object' || schema.properties);
    const body = isObject ? renderer.object(schema, '') : renderer.type(schema, '');
    const declaration =
      isObject && body.startsWith('{') ? `export interface ${name} ${body}` : `export type ${name} = ${body};`;
    done.set(name, (schema.deprecated ? '/** @deprecated */\n' : '') + declaration);
    queue.push(...[...renderer.refs].filter((r) => !done.has(r)));
  }
  const names = [...done.keys()].sort(byName);
  return `${header(spec)}\n${names.map((n) => done.get(n)).join('\n\n')}\n`;
}

function findOperation(
  spec: Spec,
  id: string,
): { method: string; path: string; op: Operation; pathParams: Parameter[] } {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (op?.operationId === id)
        return { method, path, op, pathParams: (item.parameters as Parameter[] | undefined) ?? [] };
    }
  }
  throw new Error(`operation ${id} is not in the spec`);
}

function jsonSchema(content: Record<string, { schema?: Schema }> | undefined): Schema | undefined {
  return content?.['application/json']?.schema;
}

/** Query, path, body and response types per operation, plus their method and path. */
export function generateOperations(spec: Spec, ids: readonly string[]): { text: string; refs: Set<string> } {
  const renderer = new Renderer();
  const blocks: string[] = [];
  const table: string[] = [];
  for (const id of [...ids].sort(byName)) {
    const { method, path, op, pathParams } = findOperation(spec, id);
    const name = id
      .split('_')
      .map((p) => p[0]!.toUpperCase() + p.slice(1))
      .join('');
    const params = [...pathParams, ...(op.parameters ?? [])];
    const lines = [`/** ${method.toUpperCase()} ${path} (${id}) */`];
    const group = (where: string, suffix: string) => {
      const list = params.filter((p) => p.in === where);
      if (list.length === 0) return;
      const properties = Object.fromEntries(
        list.map((p) => [p.name, { ...p.schema, deprecated: p.deprecated || undefined }]),
      );
      const required = list.filter((p) => p.required).map((p) => p.name);
      lines.push(`export type ${name}${suffix} = ${renderer.object({ type: 'object', properties, required }, '')};`);
    };
    group('path', 'Path');
    group('query', 'Query');
    const body = jsonSchema(op.requestBody?.content);
    if (body) lines.push(`export type ${name}Body = ${renderer.type(body, '')};`);
    const ok = Object.keys(op.responses ?? {})
      .filter((s) => /^2/.test(s))
      .sort(byName)[0];
    const response = ok ? jsonSchema(op.responses![ok]!.content) : undefined;
    lines.push(`export type ${name}Response = ${response ? renderer.type(response, '') : 'void'};`);
    blocks.push(lines.join('\n'));
    table.push(`  ${id}: { method: '${method.toUpperCase()}', path: '${path}' },`);
  }
  const imports = [...renderer.refs].sort(byName);
  const text =
    `${header(spec)}\nimport type { ${imports.join(', ')} } from './schemas.js';\n\n${blocks.join('\n\n')}\n\n` +
    `export const operations = {\n${table.join('\n')}\n} as const;\n`;
  return { text, refs: renderer.refs };
}

export function generate(spec: Spec): Record<string, string> {
  const operations = generateOperations(spec, OPERATIONS);
  const schemas = generateSchemas(spec, [...new Set([...SCHEMAS, ...operations.refs])].sort(byName));
  const index = `${header(spec)}\nexport type * from './schemas.js';\nexport * from './operations.js';\n`;
  return { 'schemas.ts': schemas, 'operations.ts': operations.text, 'index.ts': index };
}

function main(): void {
  const specPath = process.env.ASC_OPENAPI_SPEC;
  if (!specPath) {
    process.stderr.write(
      "ASC_OPENAPI_SPEC must name Apple's OpenAPI spec (npm run fetch-spec prints where it put it).\n",
    );
    process.exit(2);
  }
  const files = generate(JSON.parse(readFileSync(specPath, 'utf8')) as Spec);
  const check = process.argv.includes('--check');
  let stale = 0;
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    const path = join(OUT_DIR, file);
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    stale++;
    if (check) process.stderr.write(`${path} is out of date: run npm run generate:api-types\n`);
    else writeFileSync(path, text);
  }
  process.stdout.write(
    `${check ? 'checked' : 'generated'} ${Object.keys(files).length} files in ${OUT_DIR}${stale && !check ? ` (${stale} updated)` : ''}\n`,
  );
  if (check && stale > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
