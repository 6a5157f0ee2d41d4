// A campus's WHO-5 and PHQ-4 cut-offs from /config (checkIn.thresholds), the same ones the backend suggests with:
// they word the result and the complete event's band unless the page set its own, and a bad one drops only itself.
import { expect, html, oneEvent } from '@open-wc/testing';
import type { components } from '../../../src/api/schema.js';
import {
  DEFAULT_THRESHOLDS,
  THRESHOLD_BOUNDS,
  campusThresholds,
  type Thresholds,
} from '../../../src/elements/peer-check-in/instruments/scoring.js';
import { checkInConfigCheck } from '../../../src/elements/peer-check-in/logic/check-in-data.js';
import { $, campusConfig, checkInResult, choose, json, mount, recordingFetch, submit, until } from './helpers.js';

type ContractThresholds = Required<components['schemas']['CheckInThresholds']>;
/** `true` only when A and B are the same type: the element's cut-offs and the contract's, name for name. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Raw 14 (3, 3, 3, 3, 2) is 56%: typical by the published cut-offs, low from a campus's 60. */
const WHO5_56 = [3, 3, 3, 3, 2];
const TYPICAL = 'mostly been going okay';
const LOW = 'may have been hard';
const VERY_LOW = 'really hard';

/**
 * A WHO-5 check-in against a fake backend whose /config carries `thresholds` (or fails, for `null`) and whose
 * answer carries `band`; answers raw 14 and sends it.
 */
async function who5With(thresholds: unknown, property?: Partial<Thresholds>, band?: unknown) {
  const net = recordingFetch({
    ...(thresholds === null ? {} : { config: () => json(campusConfig({ thresholds })) }),
    checkIns: () => json({ ...checkInResult(), instrument: 'who5', ...(band ? { band } : {}) }, 201),
  });
  const el = await mount(
    property === undefined
      ? html`<peer-check-in
          instrument="who5"
          api-base="https://backend.example/v1"
          .fetch=${net.fetch}
        ></peer-check-in>`
      : html`<peer-check-in
          instrument="who5"
          api-base="https://backend.example/v1"
          .fetch=${net.fetch}
          .thresholds=${property}
        ></peer-check-in>`,
  );
  if (thresholds !== null) await until(() => /kept for 30 days/.test($(el, '[part="privacy"]')?.textContent ?? ''));
  for (const [index, value] of WHO5_56.entries()) await choose(el, `item-${index}`, String(value));
  await choose(el, 'safety', 'no');
  setTimeout(() => submit(el));
  const complete = (await oneEvent(el, 'peer-check-in-complete')) as CustomEvent<{ band?: string }>;
  await until(() => $(el, '[part="message"]') !== null);
  return { el, band: complete.detail.band, message: $(el, '[part="message"]')!.textContent ?? '' };
}

describe('<peer-check-in> cut-offs from the campus config', () => {
  it('word the result and the event’s band by the campus’s cut-offs when the page sets none', async () => {
    const plain = await who5With(undefined);
    expect(plain.band).to.equal('typical');
    expect(plain.message).to.contain(TYPICAL);
    const campus = await who5With({ who5Low: 60 });
    expect(campus.band).to.equal('low');
    expect(campus.message).to.contain(LOW);
    await expect(campus.el).to.be.accessible();
  });

  it('give way to the page’s own thresholds property, as a whole', async () => {
    // The page's set replaces the campus's: its who5VeryLow does not combine with the campus's who5Low.
    const { band, message } = await who5With({ who5Low: 60 }, { who5VeryLow: 20 });
    expect(band).to.equal('typical');
    expect(message).to.contain(TYPICAL);
  });

  it('drop only a cut-off that is out of its bounds; the campus’s others and its other settings still apply', async () => {
    // who5VeryLow 101 kept would make 56 "very low"; dropped, the campus's who5Low 60 still makes it "low".
    const { el, band, message } = await who5With({ who5Low: 60, who5VeryLow: 101, phq4Pair: 'three' });
    expect(band).to.equal('low');
    expect(message).to.contain(LOW);
    expect(message).not.to.contain(VERY_LOW);
    await expect(el).to.be.accessible();
    const config = checkInConfigCheck(campusConfig({ thresholds: { who5Low: 60, who5VeryLow: 101, phq4Mild: 2.5 } }));
    expect(config.ok && config.value.checkIn).to.deep.include({ thresholds: { who5Low: 60 }, followUp: true });
  });

  it('keep an instrument’s published cut-offs when the campus’s are out of order, and the other instrument’s own', () => {
    expect(campusThresholds({ who5VeryLow: 60, who5Low: 55, phq4Mild: 5 })).to.deep.equal({
      ...DEFAULT_THRESHOLDS,
      phq4Mild: 5,
    });
    expect(campusThresholds({ who5Low: 20, phq4Moderate: 9 })).to.deep.equal(DEFAULT_THRESHOLDS);
    expect(campusThresholds({ who5Low: 60, phq4Mild: 1, phq4Moderate: 2, phq4Severe: 12, phq4Pair: 6 })).to.deep.equal({
      who5Low: 60,
      who5VeryLow: 28,
      phq4Mild: 1,
      phq4Moderate: 2,
      phq4Severe: 12,
      phq4Pair: 6,
    });
  });

  it('an out-of-order set from /config words the result by the published cut-offs', async () => {
    // Kept as sent, who5VeryLow 60 would make 56 "very low".
    const { band, message } = await who5With({ who5VeryLow: 60, who5Low: 55 });
    expect(band).to.equal('typical');
    expect(message).to.contain(TYPICAL);
  });

  it('word a sent check-in by the backend’s band, chosen with its next steps, even when /config never came', async () => {
    const low = { instrument: 'who5', band: 'low', notADiagnosis: true };
    const sent = await who5With(null, undefined, low);
    expect(sent.band).to.equal('low');
    expect(sent.message).to.contain(LOW);
    // The page's own cut-offs still win; a band for another instrument, or unknown, is not used.
    expect((await who5With(null, {}, low)).band).to.equal('typical');
    expect((await who5With(null, undefined, { ...low, instrument: 'phq4' })).band).to.equal('typical');
    expect((await who5With(null, undefined, { ...low, band: 'mild' })).band).to.equal('typical');
    expect((await who5With(null, undefined, { ...low, band: 'dire' })).message).to.contain(TYPICAL);
  });

  it('has the contract’s names (checked when compiling) and bounds', async () => {
    const sameNames: Same<Thresholds, ContractThresholds> = true;
    expect(sameNames).to.equal(true);
    const { parse } = await import('yaml');
    const contract = parse(await (await fetch('/src/api/openapi.yaml')).text()) as {
      components: {
        schemas: { CheckInThresholds: { properties: Record<string, { minimum: number; maximum: number }> } };
      };
    };
    const properties = contract.components.schemas.CheckInThresholds.properties;
    const bounds = Object.fromEntries(Object.entries(properties).map(([key, p]) => [key, [p.minimum, p.maximum]]));
    expect(bounds).to.deep.equal(THRESHOLD_BOUNDS);
  });
});
