/** The pure parts of screenshot sync: display types from pixel sizes, headers read, and the plan. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { candidatesForFolder, displayTypesFor, previewTypesFor, sizesOf } from '../src/model/display-types.js';
import { planMedia } from '../src/plan/media.js';
import { probeImage, probeMovie } from '../src/read/media/probe.js';
import type { LocalAsset, LocalMedia, RemoteSet, SyncMode } from '../src/model/media.js';
import { jpeg, png, writeMovie } from './media-files.js';

test.each([
  [1290, 2796, undefined, ['APP_IPHONE_67']],
  [2796, 1290, undefined, ['APP_IPHONE_67']],
  [1242, 2208, undefined, ['APP_IPHONE_55']],
  [2048, 2732, undefined, ['APP_IPAD_PRO_3GEN_129', 'APP_IPAD_PRO_129']],
  [2048, 2732, 'APP_IPAD_PRO_129', ['APP_IPAD_PRO_129']],
  [1290, 2796, 'iMessage', ['IMESSAGE_APP_IPHONE_67']],
  [1920, 1080, 'appleTV', ['APP_APPLE_TV']],
  [3840, 2160, undefined, ['APP_APPLE_VISION_PRO']],
  [2880, 1800, undefined, ['APP_DESKTOP']],
  [1800, 2880, undefined, []],
  [410, 502, undefined, ['APP_WATCH_ULTRA']],
  [502, 410, undefined, []],
  [1000, 2000, undefined, []],
])('%i×%i in folder %s → %j', (w, h, folder, expected) => {
  expect(displayTypesFor(w, h, candidatesForFolder(folder))).toEqual(expected);
});

test('sizes accepted by a display type include landscape; previews are placed only when the size is unambiguous', () => {
  expect(sizesOf('APP_IPHONE_65')).toEqual(['1242×2688', '1284×2778', '2688×1242', '2778×1284']);
  expect(previewTypesFor(886, 1920)).toEqual(['IPHONE_67', 'IPHONE_61', 'IPHONE_65', 'IPHONE_58']);
  expect(previewTypesFor(750, 1334)).toEqual(['IPHONE_47']);
});

test('headers: PNG and JPEG sizes, MP4 duration and track size, read without reading the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'asc-probe-'));
  try {
    writeFileSync(join(dir, 'a.png'), png(1290, 2796));
    writeFileSync(join(dir, 'b.jpg'), jpeg(2064, 2752, 'x'.repeat(500)));
    writeFileSync(join(dir, 'c.png'), Buffer.from('not an image'));
    writeMovie(join(dir, 'd.mov'), 27.5, 886, 1920, 3 * 1024 * 1024);
    expect(await probeImage(join(dir, 'a.png'))).toEqual({ format: 'png', width: 1290, height: 2796 });
    expect(await probeImage(join(dir, 'b.jpg'))).toEqual({ format: 'jpeg', width: 2064, height: 2752 });
    expect(await probeImage(join(dir, 'c.png'))).toBeUndefined();
    expect(await probeMovie(join(dir, 'd.mov'), 3 * 1024 * 1024)).toEqual({
      durationSeconds: 27.5,
      width: 886,
      height: 1920,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const file = (fileName: string, md5: string): LocalAsset => ({
  fileName,
  md5,
  path: `/x/${fileName}`,
  display: fileName,
  size: 10,
});
const local = (files: LocalAsset[], displayType = 'APP_IPHONE_67'): LocalMedia => ({
  locales: { screenshot: ['en-US'], preview: [] },
  sets: [{ kind: 'screenshot', locale: 'en-US', displayType, files }],
});
const remote = (assets: Array<[string, string, string?]>, displayType = 'APP_IPHONE_67', id = 'S1'): RemoteSet => ({
  kind: 'screenshot',
  locale: 'en-US',
  localizationId: 'L1',
  id,
  displayType,
  assets: assets.map(([fileName, checksum, state], i) => ({
    id: `${id}-${i}`,
    fileName,
    checksum,
    state: state ?? 'COMPLETE',
  })),
});
const plan = (l: LocalMedia, r: RemoteSet[], mode: SyncMode = 'replace') =>
  planMedia({ local: l, remote: r, localizations: { 'en-US': 'L1' }, mode }).sets;
const summary = (l: LocalMedia, r: RemoteSet[], mode?: SyncMode) =>
  plan(l, r, mode).map((s) => ({
    type: s.displayType,
    kept: s.kept.map((k) => k.fileName),
    upload: s.upload.map((u) => u.fileName),
    replaced: s.replaced.map((x) => x.local.fileName),
    deleted: s.deleted.map((d) => d.fileName),
    reorder: s.reorder,
    deleteSet: s.deleteSet,
  }));

test.each([
  [
    'nothing remote: all uploaded, no reorder',
    local([file('1', 'a'), file('2', 'b')]),
    [],
    'replace',
    [
      {
        type: 'APP_IPHONE_67',
        kept: [],
        upload: ['1', '2'],
        replaced: [],
        deleted: [],
        reorder: false,
        deleteSet: false,
      },
    ],
  ],
  [
    'unchanged: all kept',
    local([file('1', 'a'), file('2', 'b')]),
    [
      remote([
        ['1', 'a'],
        ['2', 'b'],
      ]),
    ],
    'replace',
    [
      {
        type: 'APP_IPHONE_67',
        kept: ['1', '2'],
        upload: [],
        replaced: [],
        deleted: [],
        reorder: false,
        deleteSet: false,
      },
    ],
  ],
  [
    'renamed but same content: kept, reordered',
    local([file('0', 'b'), file('1', 'a')]),
    [
      remote([
        ['1', 'a'],
        ['2', 'b'],
      ]),
    ],
    'replace',
    [
      {
        type: 'APP_IPHONE_67',
        kept: ['2', '1'],
        upload: [],
        replaced: [],
        deleted: [],
        reorder: true,
        deleteSet: false,
      },
    ],
  ],
  [
    'changed content: replaced; position kept by a reorder',
    local([file('1', 'x'), file('2', 'b')]),
    [
      remote([
        ['1', 'a'],
        ['2', 'b'],
      ]),
    ],
    'replace',
    [{ type: 'APP_IPHONE_67', kept: ['2'], upload: [], replaced: ['1'], deleted: [], reorder: true, deleteSet: false }],
  ],
  [
    'last changed: replaced, appended where it belongs',
    local([file('1', 'a'), file('2', 'x')]),
    [
      remote([
        ['1', 'a'],
        ['2', 'b'],
      ]),
    ],
    'replace',
    [
      {
        type: 'APP_IPHONE_67',
        kept: ['1'],
        upload: [],
        replaced: ['2'],
        deleted: [],
        reorder: false,
        deleteSet: false,
      },
    ],
  ],
  [
    'extra remote: deleted in replace',
    local([file('1', 'a')]),
    [
      remote([
        ['1', 'a'],
        ['9', 'z'],
      ]),
    ],
    'replace',
    [
      {
        type: 'APP_IPHONE_67',
        kept: ['1'],
        upload: [],
        replaced: [],
        deleted: ['9'],
        reorder: false,
        deleteSet: false,
      },
    ],
  ],
  [
    'extra remote: kept in add',
    local([file('1', 'a')]),
    [
      remote([
        ['1', 'a'],
        ['9', 'z'],
      ]),
    ],
    'add',
    [
      {
        type: 'APP_IPHONE_67',
        kept: ['1', '9'],
        upload: [],
        replaced: [],
        deleted: [],
        reorder: false,
        deleteSet: false,
      },
    ],
  ],
  [
    'a FAILED copy is never kept',
    local([file('1', 'a')]),
    [remote([['1', 'a', 'FAILED']])],
    'add',
    [{ type: 'APP_IPHONE_67', kept: [], upload: [], replaced: ['1'], deleted: [], reorder: false, deleteSet: false }],
  ],
  [
    'a duplicate is deleted even in add',
    local([file('1', 'a')]),
    [
      remote([
        ['1', 'a'],
        ['1b', 'a'],
      ]),
    ],
    'add',
    [
      {
        type: 'APP_IPHONE_67',
        kept: ['1'],
        upload: [],
        replaced: [],
        deleted: ['1b'],
        reorder: false,
        deleteSet: false,
      },
    ],
  ],
  [
    'mirror: a display type not in the repo goes',
    local([file('1', 'a')]),
    [remote([['1', 'a']]), remote([['p', 'q']], 'APP_IPAD_97', 'S2')],
    'mirror',
    [
      { type: 'APP_IPAD_97', kept: [], upload: [], replaced: [], deleted: ['p'], reorder: false, deleteSet: true },
      { type: 'APP_IPHONE_67', kept: ['1'], upload: [], replaced: [], deleted: [], reorder: false, deleteSet: false },
    ],
  ],
  [
    'replace: a display type not in the repo stays',
    local([file('1', 'a')]),
    [remote([['1', 'a']]), remote([['p', 'q']], 'APP_IPAD_97', 'S2')],
    'replace',
    [{ type: 'APP_IPHONE_67', kept: ['1'], upload: [], replaced: [], deleted: [], reorder: false, deleteSet: false }],
  ],
] as Array<[string, LocalMedia, RemoteSet[], SyncMode, unknown]>)('%s', (_name, l, r, mode, expected) => {
  expect(summary(l, r, mode)).toEqual(expected);
});

test('media for a locale the version has no localization for is reported, not planned', () => {
  const result = planMedia({
    local: {
      locales: { screenshot: ['fr-FR'], preview: [] },
      sets: [{ kind: 'screenshot', locale: 'fr-FR', displayType: 'APP_IPHONE_67', files: [file('1', 'a')] }],
    },
    remote: [],
    localizations: {},
    mode: 'replace',
  });
  expect(result).toEqual({ sets: [], missingLocalizations: ['fr-FR'] });
});
