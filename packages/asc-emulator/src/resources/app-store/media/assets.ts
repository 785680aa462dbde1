/**
 * Screenshots and previews: reserve (POST with fileName and fileSize: the answer carries the
 * upload operations, parts with offsets and lengths on the emulator's own origin), commit
 * (PATCH `uploaded: true` with `sourceFileChecksum`), read (delivery state), delete.
 *
 * Fidelity: Apple's upload URLs are pre-signed and outside the spec; the emulator serves them
 * at /__asset-uploads/… (see upload-parts.ts) and refuses any that carry Authorization. A commit
 * whose parts are missing or whose MD5 differs from `sourceFileChecksum` ends FAILED (the live
 * API reports such uploads as failed deliveries; the error codes here are assumptions). An 11th
 * screenshot (4th preview) in a set answers 409.
 */
import type { HandlerContext, Route } from '../../../routing/router.js';
import type { Reply } from '../../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../../types.js';
import type { ResourceType } from '../../../jsonapi/resource-types.js';
import { singleDocument } from '../../../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship, stateError } from '../../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../../family.js';
import { linkChild, unlinkChild } from '../links.js';
import { mediaControl, takeOutcome } from './control.js';
import { deliveryOf, refreshDeliveryStates, setDelivery } from './delivery.js';
import { PREVIEWS, SCREENSHOTS, type MediaKind } from './kinds.js';
import { checkEditable } from './sets.js';

export const UPLOAD_PATH = '/__asset-uploads';

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  return {
    status,
    json: singleDocument(record, { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state }),
  };
}

function uploadOperations(ctx: HandlerContext, id: string, fileSize: number): Array<Record<string, unknown>> {
  const partSize = mediaControl(ctx.state).partSize;
  const ops: Array<Record<string, unknown>> = [];
  for (let offset = 0, part = 0; offset < fileSize; offset += partSize, part++) {
    ops.push({
      method: 'PUT',
      url: `${ctx.origin}${UPLOAD_PATH}/${id}/${part}?signature=emulated`,
      length: Math.min(partSize, fileSize - offset),
      offset,
      requestHeaders: [{ name: 'Content-Type', value: 'application/octet-stream' }],
    });
  }
  return ops;
}

function reserve(kind: MediaKind, ctx: HandlerContext): Reply {
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(
    attributes,
    kind === PREVIEWS ? ['fileName', 'fileSize', 'previewFrameTimeCode', 'mimeType'] : ['fileName', 'fileSize'],
    'CREATE',
  );
  const setId = (data.relationships?.[kind.setRelationship]?.data as Linkage | undefined)?.id;
  const set = setId ? ctx.state.get(kind.setType, setId) : undefined;
  if (!set)
    throw invalidRelationship(
      `/data/relationships/${kind.setRelationship}`,
      `There is no resource of type '${kind.setType}' with id '${String(setId)}'`,
    );
  checkEditable(ctx, kind, set);
  const fileSize = Number(attributes.fileSize);
  if (!Number.isInteger(fileSize) || fileSize < 1)
    throw invalidAttribute('/data/attributes/fileSize', 'The file size must be a positive integer.');
  if (ctx.state.relatedIds(set, kind.assetType).length >= kind.maxPerSet) {
    throw stateError(`A set holds at most ${kind.maxPerSet} ${kind.assetType}.`);
  }
  const record = ctx.state.create(kind.assetType, {
    attributes: { ...attributes },
    relationships: { [kind.setRelationship]: { type: kind.setType, id: set.id } },
  });
  record.attributes.uploadOperations = uploadOperations(ctx, record.id, fileSize);
  setDelivery(record, 'AWAITING_UPLOAD');
  linkChild(set, kind.assetType, record);
  return reply(ctx, record, 201);
}

/** The received file's MD5 and first bytes, when every part arrived. */
function received(ctx: HandlerContext, asset: ResourceRecord): { md5: string; head: Buffer } | undefined {
  const file = mediaControl(ctx.state).parts.get(asset.id);
  if (!file || file.next !== Number(asset.attributes.fileSize)) return undefined;
  return { md5: file.hash.digest('hex'), head: file.head };
}

function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47)
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  return undefined;
}

function commit(kind: MediaKind, ctx: HandlerContext): Reply {
  const asset = requireResource(ctx, kind.assetType, ctx.params.id ?? '');
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(
    attributes,
    kind === PREVIEWS ? ['uploaded', 'sourceFileChecksum', 'previewFrameTimeCode'] : ['uploaded', 'sourceFileChecksum'],
    'UPDATE',
  );
  if (typeof attributes.previewFrameTimeCode === 'string')
    asset.attributes.previewFrameTimeCode = attributes.previewFrameTimeCode;
  if (attributes.uploaded !== true || deliveryOf(asset) !== 'AWAITING_UPLOAD') return reply(ctx, asset);
  const control = mediaControl(ctx.state);
  const bytes = received(ctx, asset);
  const checksum = typeof attributes.sourceFileChecksum === 'string' ? attributes.sourceFileChecksum : undefined;
  if (checksum) asset.attributes.sourceFileChecksum = checksum;
  delete asset.attributes.uploadOperations;
  control.parts.delete(asset.id);
  if (!bytes) {
    setDelivery(asset, 'FAILED', [
      { code: 'ASSET_UPLOAD_INCOMPLETE', description: 'Not every upload operation was completed.' },
    ]);
  } else if (checksum && bytes.md5 !== checksum.toLowerCase()) {
    setDelivery(asset, 'FAILED', [
      { code: 'ASSET_CHECKSUM_MISMATCH', description: 'The uploaded file does not match sourceFileChecksum.' },
    ]);
  } else {
    setDelivery(asset, 'UPLOAD_COMPLETE');
    control.committed.set(asset.id, {
      at: ctx.now(),
      outcome: takeOutcome(control, String(asset.attributes.fileName)),
    });
    const size = kind === SCREENSHOTS ? imageSize(bytes.head) : undefined;
    if (size)
      asset.attributes.imageAsset = { templateUrl: `${ctx.origin}/__assets/${asset.id}/{w}x{h}bb.{f}`, ...size };
  }
  return reply(ctx, asset);
}

function remove(kind: MediaKind, ctx: HandlerContext): Reply {
  const asset = requireResource(ctx, kind.assetType, ctx.params.id ?? '');
  const set = ctx.state.get(kind.setType, ctx.state.relatedId(asset, kind.setRelationship) ?? '');
  if (set) {
    checkEditable(ctx, kind, set);
    unlinkChild(set, kind.assetType, asset);
  }
  ctx.state.remove(kind.assetType, asset.id);
  mediaControl(ctx.state).parts.delete(asset.id);
  return { status: 204 };
}

function read(kind: MediaKind, ctx: HandlerContext): Reply {
  refreshDeliveryStates(ctx.state, ctx.now());
  return reply(ctx, requireResource(ctx, kind.assetType, ctx.params.id ?? ''));
}

function routesOf(kind: MediaKind): Route[] {
  return [
    { method: 'POST', path: `/v1/${kind.assetType}`, handler: (ctx) => reserve(kind, ctx) },
    { method: 'GET', path: `/v1/${kind.assetType}/{id}`, handler: (ctx) => read(kind, ctx) },
    { method: 'PATCH', path: `/v1/${kind.assetType}/{id}`, handler: (ctx) => commit(kind, ctx) },
    { method: 'DELETE', path: `/v1/${kind.assetType}/{id}`, handler: (ctx) => remove(kind, ctx) },
  ];
}

const assetType = (kind: MediaKind): ResourceType => ({
  type: kind.assetType,
  relationships: { [kind.setRelationship]: { type: kind.setType } },
});

export const screenshotsFamily: ResourceFamily = {
  name: 'appScreenshots',
  types: [assetType(SCREENSHOTS)],
  routes: routesOf(SCREENSHOTS),
};
export const previewsFamily: ResourceFamily = {
  name: 'appPreviews',
  types: [assetType(PREVIEWS)],
  routes: routesOf(PREVIEWS),
};
