import { describe, expect, it } from 'vitest';
import { splitToken, takeToken, TOKEN_KEY, type TokenStore } from './token.ts';

function memory(initial: Record<string, string> = {}): TokenStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, removeItem: (k) => { delete data[k]; } };
}

describe('the token from a link', () => {
  it('is taken out of the URL, keeping other parameters and the hash', () => {
    expect(splitToken('http://127.0.0.1:4000/?token=ecm_abc&x=1#gaps')).toEqual({ token: 'ecm_abc', cleanUrl: 'http://127.0.0.1:4000/?x=1#gaps' });
    expect(splitToken('http://127.0.0.1:4000/?token=ecm_abc')).toEqual({ token: 'ecm_abc', cleanUrl: 'http://127.0.0.1:4000/' });
    expect(splitToken('http://h/#map')).toEqual({ token: null, cleanUrl: 'http://h/#map' });
    expect(splitToken('http://h/?token=')).toEqual({ token: null, cleanUrl: 'http://h/' });
  });

  it('is removed from the address bar and kept nowhere', () => {
    const storage = memory();
    const replaced: string[] = [];
    const token = takeToken({ href: 'http://h/?token=s3cret#map' }, { replaceState: (_d, _u, url) => replaced.push(url) }, storage);
    expect(token).toBe('s3cret');
    expect(storage.data).toEqual({});
    expect(replaced).toEqual(['http://h/#map']);
  });

  it('one an older page stored is taken once and removed; a link wins over it', () => {
    const history = { replaceState: () => {} };
    const old = memory({ [TOKEN_KEY]: 'old' });
    expect(takeToken({ href: 'http://h/#gaps' }, history, old)).toBe('old');
    expect(old.data).toEqual({});
    expect(takeToken({ href: 'http://h/#gaps' }, history, old)).toBeNull();
    expect(takeToken({ href: 'http://h/?token=new' }, history, memory({ [TOKEN_KEY]: 'old' }))).toBe('new');
    expect(takeToken({ href: 'http://h/' }, history, memory())).toBeNull();
  });
});
