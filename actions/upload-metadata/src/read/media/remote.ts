/** Reads the version's localizations and their screenshot and preview sets, assets in order. */
import type { AscClient } from '@asc-actions/core';
import type { MediaKind, RemoteAsset, RemoteSet } from '../../model/media.js';

interface Resource {
  type: string;
  id: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, { data?: Array<{ type: string; id: string }> }>;
}
interface Doc {
  data: Resource[];
  included?: Resource[];
}

export const API = {
  screenshot: {
    set: 'appScreenshotSets',
    asset: 'appScreenshots',
    attribute: 'screenshotDisplayType',
    setRelationship: 'appScreenshotSet',
    state: 'assetDeliveryState',
  },
  // Previews too are judged by assetDeliveryState (the upload accepted), as fastlane
  // (spaceship/lib/spaceship/connect_api/models/app_preview.rb) and the asc CLI
  // (internal/asc/assets.go) do: videoDeliveryState stays in PROCESSING while Apple transcodes,
  // long after the upload was accepted.
  preview: {
    set: 'appPreviewSets',
    asset: 'appPreviews',
    attribute: 'previewType',
    setRelationship: 'appPreviewSet',
    state: 'assetDeliveryState',
  },
} as const;

export async function readLocalizationIds(client: AscClient, versionId: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for await (const loc of client.paginate<Resource>(`/v1/appStoreVersions/${versionId}/appStoreVersionLocalizations`, {
    limit: 200,
  })) {
    ids[String(loc.attributes?.locale)] = loc.id;
  }
  return ids;
}

export function toRemoteAsset(kind: MediaKind, r: { id: string; attributes?: Record<string, unknown> }): RemoteAsset {
  const state = (r.attributes?.[API[kind].state] as { state?: string } | undefined)?.state;
  const checksum = r.attributes?.sourceFileChecksum;
  const frame = r.attributes?.previewFrameTimeCode;
  return {
    id: r.id,
    fileName: String(r.attributes?.fileName ?? ''),
    ...(typeof checksum === 'string' ? { checksum } : {}),
    ...(state ? { state } : {}),
    ...(typeof frame === 'string' ? { frameTime: frame } : {}),
  };
}

/** A set's assets, in the set's order, with their delivery states: one request for the whole set. */
export async function readSetAssets(client: AscClient, kind: MediaKind, setId: string): Promise<RemoteAsset[]> {
  const api = API[kind];
  const res = await client.get<{ data: Array<{ id: string; attributes?: Record<string, unknown> }> }>(
    `/v1/${api.set}/${setId}/${api.asset}`,
    { limit: 200 },
  );
  return res.data.data.map((a) => toRemoteAsset(kind, a));
}

export async function readSets(
  client: AscClient,
  kind: MediaKind,
  locale: string,
  localizationId: string,
): Promise<RemoteSet[]> {
  const api = API[kind];
  const res = await client.get<Doc>(`/v1/appStoreVersionLocalizations/${localizationId}/${api.set}`, {
    include: api.asset,
    limit: 200,
    [`limit[${api.asset}]`]: 50,
  });
  const included = new Map((res.data.included ?? []).filter((r) => r.type === api.asset).map((r) => [r.id, r]));
  return res.data.data.map((set) => ({
    kind,
    locale,
    localizationId,
    id: set.id,
    displayType: String(set.attributes?.[api.attribute]),
    assets: (set.relationships?.[api.asset]?.data ?? [])
      .map((l) => included.get(l.id))
      .filter((r): r is Resource => !!r)
      .map((r) => toRemoteAsset(kind, r)),
  }));
}

/** The sets of every localization the repo has media for. */
export async function readRemoteMedia(
  client: AscClient,
  localizations: Record<string, string>,
  wanted: Record<MediaKind, string[]>,
): Promise<RemoteSet[]> {
  const jobs: Array<Promise<RemoteSet[]>> = [];
  for (const kind of ['screenshot', 'preview'] as const) {
    for (const locale of wanted[kind])
      if (localizations[locale]) jobs.push(readSets(client, kind, locale, localizations[locale]));
  }
  return (await Promise.all(jobs)).flat();
}
