import { expect } from '@open-wc/testing';
import { cancelCode, parseCancelCode } from '../../../src/elements/peer-group-finder/logic/cancel-code.js';

describe('cancel codes', () => {
  it('carry the group, the registration and the token, and read back with pasted white space', () => {
    const code = cancelCode({
      groupId: 'grp_grief_tue',
      registrationId: 'reg_7Q2M4X',
      token: 'Zx8Kq2vN0pLm4Rt7Yw1Bc6Df',
    });
    expect(code).to.equal('grp_grief_tue.reg_7Q2M4X.Zx8Kq2vN0pLm4Rt7Yw1Bc6Df');
    expect(parseCancelCode(` ${code.slice(0, 20)}\n${code.slice(20)} `)).to.deep.equal({
      groupId: 'grp_grief_tue',
      registrationId: 'reg_7Q2M4X',
      token: 'Zx8Kq2vN0pLm4Rt7Yw1Bc6Df',
    });
  });

  it('refuse anything else: a short token, extra parts, path characters', () => {
    for (const bad of [
      '',
      'a.b.short',
      'a.b.Zx8Kq2vN0pLm4Rt7Yw1Bc6Df.d',
      '../x.reg.Zx8Kq2vN0pLm4Rt7Yw1Bc6Df',
      'a/b.c.Zx8Kq2vN0pLm4Rt7Yw1Bc6Df',
    ]) {
      expect(parseCancelCode(bad) === undefined, bad).to.equal(true);
    }
  });
});
