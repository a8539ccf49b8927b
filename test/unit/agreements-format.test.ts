import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/web/pages/agreements/format.js';

// The agreement pages show every deadline and signature time through formatTime; when it asked Intl for
// a zone name together with dateStyle/timeStyle, Intl threw and the page went blank after sending.
describe('formatTime on the agreement pages', () => {
  it('formats a deadline with the zone it is shown in, instead of throwing', () => {
    const text = formatTime('2025-05-08T15:59:00.000Z');
    expect(text).toContain('2025');
    expect(text).toContain('UTC');
  });

  it('names another zone when asked for one', () => {
    expect(formatTime('2025-05-08T15:59:00.000Z', 'Asia/Shanghai')).toContain('Asia/Shanghai');
  });

  it('shows a dash when there is no time yet', () => {
    expect(formatTime(null)).toBe('—');
  });
});
