import { escapeHtml, summary } from '@asc-actions/core';
import type { CheckResult } from '../model.js';

export async function writeSummary(result: CheckResult, context: { keyId: string; apiBaseUrl: string }): Promise<void> {
  const rate =
    result.rateLimit.limit !== undefined
      ? `${result.rateLimit.remaining ?? '?'} of ${result.rateLimit.limit} left this hour`
      : 'not reported';
  const rows = [
    ['Key ID', escapeHtml(context.keyId)],
    ['Key type', result.keyType],
    ['API', escapeHtml(context.apiBaseUrl)],
    ['Apps visible', String(result.appsVisible)],
    [
      'First app',
      result.firstApp
        ? escapeHtml(`${result.firstApp.name ?? ''} (${result.firstApp.bundleId ?? result.firstApp.id})`)
        : '—',
    ],
    ['Rate limit', rate],
    ['Clock skew', result.clockSkewSeconds === undefined ? 'unknown' : `${result.clockSkewSeconds} s`],
  ];
  summary.addHeading('App Store Connect credentials: OK', 3);
  summary.addTable([
    [
      { data: 'Check', header: true },
      { data: 'Result', header: true },
    ],
    ...rows,
  ]);
  if (result.warnings.length > 0) summary.addList(result.warnings.map(escapeHtml));
  await summary.write();
}
