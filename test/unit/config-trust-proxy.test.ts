import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const trustProxy = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY;

describe('TRUST_PROXY', () => {
  it('is off by default', () => {
    expect(trustProxy()).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('0')).toBe(false);
  });

  it('takes a hop count or comma-separated addresses and CIDR ranges', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('127.0.0.1/8, 10.0.0.0/8,::1')).toEqual(['127.0.0.1/8', '10.0.0.0/8', '::1']);
    expect(trustProxy('loopback,uniquelocal')).toEqual(['loopback', 'uniquelocal']);
  });

  it('refuses "true" (it would believe any client) and ranges that are not addresses, naming the variable', () => {
    expect(() => trustProxy('true')).toThrow(/TRUST_PROXY.*number of proxies or their addresses/s);
    expect(() => trustProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
    expect(() => trustProxy('proxy.example.org')).toThrow(/TRUST_PROXY/);
  });
});
