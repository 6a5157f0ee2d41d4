import { expect } from '@open-wc/testing';
import { errorMessage } from '../../src/core/error-message.js';

describe('errorMessage', () => {
  it('maps every kind of failure to plain words with a way forward', () => {
    expect(errorMessage({ kind: 'not-configured' })).to.deep.equal({ key: 'error.notConfigured' });
    expect(errorMessage({ kind: 'network', message: 'Failed to fetch' })).to.deep.equal({ key: 'error.network' });
    expect(errorMessage({ kind: 'timeout' })).to.deep.equal({ key: 'error.timeout' });
    expect(errorMessage({ kind: 'invalid-response', reason: 'invalid-json' })).to.deep.equal({
      key: 'error.invalidResponse',
    });
    expect(errorMessage({ kind: 'http', status: 500 })).to.deep.equal({ key: 'error.server' });
  });

  it('says when to try again after a rate limit, in whole seconds', () => {
    expect(errorMessage({ kind: 'http', status: 429, retryAfterSeconds: 7.2 })).to.deep.equal({
      key: 'error.rateLimited',
      values: { seconds: 8 },
    });
    expect(errorMessage({ kind: 'http', status: 429 })).to.deep.equal({ key: 'error.server' });
  });
});
