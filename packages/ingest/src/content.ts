import type { UploadContent } from './statuses.js';

export type DetectedContent = { content: UploadContent; sure: boolean };

/**
 * Guesses a file's content from its first bytes (root element, JSON, CSV header) and name.
 * `sure` is false for the fallback (unrecognised files are tried as TRTs, so they end BAD_FORMAT
 * with a message rather than without a status). An explicit content always wins over this.
 */
export function detectContent(bytes: Uint8Array, filename?: string | null): DetectedContent {
  let head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('<')) {
    const root = /<([A-Za-z_][\w.-]*)[\s>/]/.exec(trimmed.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''))?.[1];
    if (root === 'TDSReport') return { content: 'EXAM', sure: true };
    if (root === 'Subject') return { content: 'SUBJECT', sure: true };
    if (root === 'Accessibility') return { content: 'CODES', sure: true };
    return { content: 'EXAM', sure: false };
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { content: 'ORGANIZATION', sure: true };
  const firstLine = (trimmed.split(/\r\n|\r|\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '').toLowerCase();
  if (firstLine.startsWith('group_name')) return { content: 'GROUPS', sure: true };
  if (firstLine.startsWith('assessment_id,')) return { content: 'NORMS', sure: true };
  if (firstLine.includes('county-district code^')) return { content: 'ORGANIZATION', sure: true };
  if (firstLine.includes('^ssid^') || firstLine.startsWith('stateabbreviation^') || firstLine.startsWith('infoupdate^')) {
    return { content: 'STUDENTS', sure: true };
  }
  if (/(^|,)"?assessmentid"?(,|$)/.test(firstLine)) return { content: 'PACKAGE', sure: true };
  const name = (filename ?? '').toLowerCase();
  if (name.endsWith('.json')) return { content: 'ORGANIZATION', sure: false };
  if (name.endsWith('.csv')) return { content: 'PACKAGE', sure: false };
  return { content: 'EXAM', sure: false };
}
