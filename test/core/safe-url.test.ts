import { expect } from '@open-wc/testing';
import { safeHref, smsHref, telHref } from '../../src/core/safe-url.js';

describe('safeHref', () => {
  const allowed: Array<[string, string]> = [
    ['https://988lifeline.org/chat', 'https://988lifeline.org/chat'],
    ['  https://example.edu/help  ', 'https://example.edu/help'],
    ['tel:988', 'tel:988'],
    ['tel:+1-800-273-8255', 'tel:+1-800-273-8255'],
    ['tel:+44%20116%20123', 'tel:+44%20116%20123'],
    ['tel:*2273', 'tel:*2273'],
    ['tel:+18005551234;ext=12', 'tel:+18005551234;ext=12'],
    ['sms:741741', 'sms:741741'],
    ['sms:741741?body=HOME', 'sms:741741?body=HOME'],
    ['mailto:wellbeing@example.edu', 'mailto:wellbeing@example.edu'],
    ['mailto:wellbeing@example.edu?subject=Hello', 'mailto:wellbeing@example.edu?subject=Hello'],
    ['http://localhost:8787/demo', 'http://localhost:8787/demo'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787/'],
  ];
  for (const [input, expected] of allowed) {
    it(`allows ${JSON.stringify(input)}`, () => expect(safeHref(input)).to.equal(expected));
  }

  const hostile: unknown[] = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript&#58;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.edu/1234',
    'ftp://example.edu/file',
    'http://example.edu/',
    'http://evil.example/localhost',
    '//evil.example/path',
    '/relative/path',
    'help',
    'https://user:pass@evil.example/',
    'https://trusted.edu@evil.example/',
    'https:\\\\evil.example',
    'tel:javascript:alert(1)',
    'tel:988#fragment',
    'tel:<script>',
    'tel:',
    'sms:741741?body=HOME&attachment=x',
    'sms:not-a-number',
    'mailto:someone@example.edu?bcc=everyone@example.edu',
    'mailto:not-an-address',
    '',
    '   ',
    `https://example.edu/${'a'.repeat(3000)}`,
    null,
    undefined,
    42,
    { href: 'https://example.edu' },
    ['https://example.edu'],
  ];
  for (const input of hostile) {
    it(`rejects ${JSON.stringify(input)?.slice(0, 60)}`, () => expect(safeHref(input)).to.equal(null));
  }

  it('can refuse http: on localhost', () => {
    expect(safeHref('http://localhost/', { allowHttpLocalhost: false })).to.equal(null);
  });
});

describe('telHref and smsHref', () => {
  it('build links from numbers written for people', () => {
    expect(telHref('+1 (800) 273-8255')).to.equal('tel:+18002738255');
    expect(telHref('988')).to.equal('tel:988');
    expect(smsHref('741 741', 'HOME')).to.equal('sms:741741?body=HOME');
    expect(smsHref('741741')).to.equal('sms:741741');
  });

  it('give null for values that are not numbers', () => {
    expect(telHref('call us')).to.equal(null);
    expect(smsHref('')).to.equal(null);
  });
});
