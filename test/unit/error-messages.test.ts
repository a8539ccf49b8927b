import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localiseMessage, problemCatalogue, serverMessage } from '../../src/domain/error-messages/catalogue.js';
import { ERROR_CODES, type ErrorCode } from '../../src/domain/errors.js';
import { zodMessage } from '../../src/server/localise-problem.js';
import { acceptedLanguages } from '../../src/server/request-language.js';

const CJK = /[\u4e00-\u9fff]/;
const zh = problemCatalogue('zh');
const en = problemCatalogue('en');
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('error message catalogues', () => {
  it('have a Chinese sentence for every documented error code', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) expect(zh.codes[code], code).toMatch(CJK);
  });

  it('word the server sentences in both languages with the same placeholders', () => {
    for (const key of Object.keys(en.server) as (keyof typeof en.server)[]) {
      if (key !== 'fieldMessage') expect(zh.server[key], key).toMatch(CJK); // '{{field}}：{{message}}'
      expect(placeholders(zh.server[key]), key).toEqual(placeholders(en.server[key]));
    }
    expect(serverMessage('zh', 'fieldsInvalid', { count: 3 })).toBe('有 3 个字段无效。');
  });

  it('translate only sentences the code still writes (a reworded message would otherwise lose its translation unnoticed)', () => {
    const source = sourceFiles(join(import.meta.dirname, '../../src'))
      .filter((f) => !f.includes('error-messages'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const stale = Object.keys(zh.messages).filter((english) => !source.includes(english));
    expect(stale).toEqual([]);
  });

  it('falls back to the code sentence for an untranslated message, and leaves English as written', () => {
    expect(localiseMessage('zh', 'CONFLICT', 'Something no catalogue knows.')).toBe(zh.codes.CONFLICT);
    expect(localiseMessage('zh', 'UNAUTHENTICATED', 'Sign in to apply.')).toBe('请先登录再提交申请。');
    expect(localiseMessage('en', 'CONFLICT', 'Something no catalogue knows.')).toBe('Something no catalogue knows.');
  });

  it("words zod's issues with zod's Chinese catalogue, naming what was received", () => {
    const item = {
      keyword: 'invalid_type',
      message: 'Invalid input: expected string, received number',
      params: { expected: 'string' },
    };
    expect(zodMessage('zh', item)).toBe('无效输入：期望 string，实际接收 数字');
    expect(zodMessage('en', item)).toBe(item.message);
  });
});

describe('Accept-Language', () => {
  it('orders by q-value, drops q=0 and reduces tags to their language', () => {
    expect(acceptedLanguages('fr-CH, fr;q=0.9, zh-Hans-CN;q=0.95, en;q=0')).toEqual(['fr', 'zh', 'fr']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('*')).toEqual(['*']);
  });
});
