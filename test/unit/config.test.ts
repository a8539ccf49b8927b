import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('PUBLIC_URL', () => {
  it('defaults to the port served, so links in e-mail reach this server', () => {
    expect(loadConfig({ PORT: '3100' }).PUBLIC_URL).toBe('http://localhost:3100');
    expect(loadConfig({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '3100' }).PUBLIC_URL_DEFAULTED).toBe(true);
  });

  it('keeps a PUBLIC_URL that is set', () => {
    const config = loadConfig({ PORT: '3100', PUBLIC_URL: 'https://orbitshare.example.org' });
    expect(config.PUBLIC_URL).toBe('https://orbitshare.example.org');
    expect(config.PUBLIC_URL_DEFAULTED).toBe(false);
  });
});
