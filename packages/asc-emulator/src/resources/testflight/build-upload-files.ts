/**
 * Build upload files: reserve (`POST /v1/buildUploadFiles`: the 201 carries `uploadOperations`,
 * parts on the emulator's parts origin), read (`GET /v1/buildUploadFiles/{id}`,
 * `GET /v1/buildUploads/{id}/buildUploadFiles`) and commit (`PATCH … {uploaded: true,
 * sourceFileChecksums}`, which starts processing: build-upload/processing.ts).
 *
 * Fidelity (evidence in docs/evidence/releases.md):
 * - Only `assetType: ASSET` has been reserved, sent and committed live (§1.1, Colaxy note §13-3);
 *   ASSET_DESCRIPTION and ASSET_SPI answer 501 here (not emulated). One ASSET per upload (assumed).
 * - `uti` is com.apple.ipa for .ipa and com.apple.pkg for .pkg (§1.1, asc `UTIIPA`/`UTIPKG`).
 * - Commit before every byte arrived: Apple's error mentions CONTENT_NOT_UPLOADED (§1.3, Colaxy
 *   note §13-1; status not recorded, 409 here).
 * - `sourceFileChecksums.file` with SHA_256 answers 409 "… is not a valid value for the attribute
 *   'sourceFileChecksums'" although the spec allows it (§1.3, hands PR #199 and Colaxy note: two
 *   live reports). MD5 is accepted and optional. What `composite` covers is unknown: 501 here.
 *   What Apple does with a wrong MD5 is unknown: 409 on the commit here, so a client that hashes
 *   other bytes than it sent is caught.
 * - A second commit of a committed file changes nothing (a replayed PATCH must not make a second build).
 * - The reservation's size cap is Apple's largest uncompressed app (200 GB, macOS: "Maximum build
 *   file sizes", App Store Connect Help).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship, notImplemented, stateError } from '../../jsonapi/errors.js';
import {
  bodyData,
  checkAllowedAttributes,
  checkRequiredString,
  requireResource,
  type ResourceFamily,
} from '../family.js';
import { tick } from './links.js';
import { uploadState } from './build-uploads.js';
import { buildUploadControl } from './build-upload/control.js';
import { startProcessing } from './build-upload/processing.js';
import { BUILD_PARTS_PATH } from './build-upload/parts.js';

const MAX_FILE_SIZE = 200 * 1000 ** 3;
const UTIS: Record<string, string> = { ipa: 'com.apple.ipa', pkg: 'com.apple.pkg' };

const buildUploadFilesType: ResourceType = { type: 'buildUploadFiles', relationships: {} };

function document(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  return {
    status,
    json: singleDocument(record, { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state }),
  };
}

function operations(ctx: HandlerContext, fileId: string, fileSize: number): Array<Record<string, unknown>> {
  const control = buildUploadControl(ctx.state);
  const origin = control.partsOrigin ?? ctx.origin;
  const expiration = new Date(ctx.now() + control.operationLifetimeMs).toISOString();
  const ops: Array<Record<string, unknown>> = [];
  for (let offset = 0, part = 1; offset < fileSize; offset += control.partSize, part++) {
    ops.push({
      method: 'PUT',
      url: `${origin}${BUILD_PARTS_PATH}/${fileId}/${part}?X-Amz-Signature=emulated&partNumber=${part}`,
      length: Math.min(control.partSize, fileSize - offset),
      offset,
      partNumber: part,
      expiration,
      requestHeaders: [{ name: 'Content-Type', value: 'application/octet-stream' }],
    });
  }
  return ops;
}

function reserve(ctx: HandlerContext): Reply {
  tick(ctx);
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['assetType', 'fileName', 'fileSize', 'uti'], 'CREATE');
  checkRequiredString('/data/attributes/fileName', 'fileName', attributes.fileName);
  const uploadId = (data.relationships?.buildUpload?.data as Linkage | undefined)?.id ?? '';
  const upload = ctx.state.get('buildUploads', uploadId);
  if (!upload)
    throw invalidRelationship(
      '/data/relationships/buildUpload',
      `There is no resource of type 'buildUploads' with id '${uploadId}'`,
    );
  if (attributes.assetType !== 'ASSET')
    throw notImplemented(`buildUploadFiles with assetType ${String(attributes.assetType)}`);
  if (uploadState(upload) !== 'AWAITING_UPLOAD')
    throw stateError(`The build upload '${upload.id}' is ${uploadState(upload)}; it takes no more files.`);
  if (ctx.state.relatedIds(upload, 'buildUploadFiles').length > 0)
    throw stateError(`The build upload '${upload.id}' already has its asset file.`);
  const fileSize = Number(attributes.fileSize);
  if (!Number.isSafeInteger(fileSize) || fileSize < 1 || fileSize > MAX_FILE_SIZE)
    throw invalidAttribute('/data/attributes/fileSize', `The file size must be between 1 and ${MAX_FILE_SIZE} bytes.`);
  const extension = /\.([a-z]+)$/i.exec(String(attributes.fileName))?.[1]?.toLowerCase() ?? '';
  if (UTIS[extension] !== attributes.uti)
    throw invalidAttribute(
      '/data/attributes/uti',
      `The uti '${String(attributes.uti)}' does not match the file '${String(attributes.fileName)}'.`,
    );
  const record = ctx.state.create('buildUploadFiles', {
    attributes: { ...attributes, assetDeliveryState: { state: 'AWAITING_UPLOAD', errors: [], warnings: [] } },
    relationships: { buildUpload: { type: 'buildUploads', id: upload.id } },
  });
  record.attributes.uploadOperations = operations(ctx, record.id, fileSize);
  upload.relationships.buildUploadFiles = [{ type: 'buildUploadFiles', id: record.id }];
  upload.relationships.assetFile = { type: 'buildUploadFiles', id: record.id };
  return document(ctx, record, 201);
}

function checkChecksums(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const checksums = value as { file?: { hash?: string; algorithm?: string }; composite?: unknown };
  if (checksums.composite !== undefined) throw notImplemented('sourceFileChecksums.composite');
  const file = checksums.file;
  if (!file) return undefined;
  if (file.algorithm !== 'MD5' || typeof file.hash !== 'string') {
    throw invalidAttribute(
      '/data/attributes/sourceFileChecksums',
      `'Checksums{file=File{hash=${String(file.hash)}, algorithm=${String(file.algorithm)}}}' is not a valid value for the attribute 'sourceFileChecksums'`,
    );
  }
  return file.hash.toLowerCase();
}

function commit(ctx: HandlerContext): Reply {
  tick(ctx);
  const file = requireResource(ctx, 'buildUploadFiles', ctx.params.id ?? '');
  const attributes = bodyData(ctx).attributes ?? {};
  checkAllowedAttributes(attributes, ['uploaded', 'sourceFileChecksums'], 'UPDATE');
  const state = (file.attributes.assetDeliveryState as { state?: string }).state;
  if (attributes.uploaded !== true || state !== 'AWAITING_UPLOAD') return document(ctx, file);
  const md5 = checkChecksums(attributes.sourceFileChecksums);
  const control = buildUploadControl(ctx.state);
  const received = control.received.get(file.id);
  if (!received || received.next !== Number(file.attributes.fileSize)) {
    throw stateError(
      `CONTENT_NOT_UPLOADED: ${received?.next ?? 0} of ${String(file.attributes.fileSize)} bytes of '${String(file.attributes.fileName)}' were uploaded.`,
    );
  }
  const digest = received.hash.copy().digest('hex');
  if (md5 && md5 !== digest)
    throw invalidAttribute(
      '/data/attributes/sourceFileChecksums',
      `The checksum ${md5} does not match the uploaded file.`,
    );
  control.received.delete(file.id);
  if (md5) file.attributes.sourceFileChecksums = attributes.sourceFileChecksums;
  delete file.attributes.uploadOperations;
  file.attributes.assetDeliveryState = { state: 'UPLOAD_COMPLETE', errors: [], warnings: [] };
  const upload = requireResource(ctx, 'buildUploads', ctx.state.relatedId(file, 'buildUpload') ?? '');
  startProcessing(ctx.state, upload, ctx.now());
  return document(ctx, file);
}

function filesOfUpload(ctx: HandlerContext): Reply {
  tick(ctx);
  const upload = requireResource(ctx, 'buildUploads', ctx.params.id ?? '');
  const files = ctx.state
    .relatedIds(upload, 'buildUploadFiles')
    .flatMap((id) => ctx.state.get('buildUploadFiles', id) ?? []);
  return listResources(ctx, 'buildUploadFiles', files);
}

export const buildUploadFilesFamily: ResourceFamily = {
  name: 'buildUploadFiles',
  types: [buildUploadFilesType],
  routes: [
    { method: 'POST', path: '/v1/buildUploadFiles', handler: reserve },
    {
      method: 'GET',
      path: '/v1/buildUploadFiles/{id}',
      handler: (ctx) => (tick(ctx), document(ctx, requireResource(ctx, 'buildUploadFiles', ctx.params.id ?? ''))),
    },
    { method: 'PATCH', path: '/v1/buildUploadFiles/{id}', handler: commit },
    { method: 'GET', path: '/v1/buildUploads/{id}/buildUploadFiles', handler: filesOfUpload },
  ],
};
