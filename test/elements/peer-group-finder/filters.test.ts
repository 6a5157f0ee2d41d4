import { expect } from '@open-wc/testing';
import {
  emptyFilters,
  filtersFromAttributes,
  filtersFromParams,
  filtersToParams,
  filtersToQuery,
  sameFilters,
} from '../../../src/elements/peer-group-finder/logic/filters.js';

describe('group filters', () => {
  it('read the check-in’s "find a group" link: repeated names, unknown values dropped, page parameters kept', () => {
    const params = new URLSearchParams('page=2&topic=stress&topic=sleep&topic=not-a-topic&utm=x');
    const filters = filtersFromParams(params)!;
    expect(filters.topic).to.deep.equal(['stress', 'sleep']);
    const written = filtersToParams({ ...filters, day: ['thu'] }, params);
    expect(written.getAll('page')).to.deep.equal(['2']);
    expect(written.getAll('utm')).to.deep.equal(['x']);
    expect(written.getAll('topic')).to.deep.equal(['stress', 'sleep']);
    expect(written.getAll('day')).to.deep.equal(['thu']);
  });

  it('say "none named" for a URL without any filter, so the attributes apply', () => {
    expect(filtersFromParams(new URLSearchParams('page=2')) === undefined).to.equal(true);
    expect(filtersFromParams(new URLSearchParams('q=')) !== undefined, 'an empty q is a choice').to.equal(true);
  });

  it('round-trip every filter through the URL, in a canonical order', () => {
    const filters = {
      ...emptyFilters(),
      q: 'grief group',
      topic: ['sleep', 'grief'] as never,
      audience: ['international-students'] as never,
      format: ['online', 'in-person'] as never,
      day: ['sun', 'mon'] as never,
      timeOfDay: ['evening'] as never,
      dropIn: false,
      facilitator: ['clinician'] as never,
      accessibility: ['captions', 'step-free'] as never,
      language: 'es-MX',
    };
    const back = filtersFromParams(filtersToParams(filters, new URLSearchParams()))!;
    expect(back.topic).to.deep.equal(['grief', 'sleep']);
    expect(back.day).to.deep.equal(['mon', 'sun']);
    expect(back.accessibility).to.deep.equal(['step-free', 'captions']);
    expect(back.dropIn).to.equal(false);
    expect(back.language).to.equal('es-MX');
    expect(back.q).to.equal('grief group');
    expect(sameFilters(back, filters)).to.equal(false); // the input's lists were out of order
    expect(sameFilters(back, filtersFromParams(filtersToParams(back, new URLSearchParams()))!)).to.equal(true);
  });

  it('preset from attributes: space- or comma-separated values, drop-in as true/false, a bounded query', () => {
    const filters = filtersFromAttributes({
      topic: 'grief  stress,sleep',
      dropIn: 'true',
      language: 'not a tag',
      q: `  ${'x'.repeat(300)} `,
    });
    expect(filters.topic).to.deep.equal(['stress', 'grief', 'sleep']);
    expect(filters.dropIn).to.equal(true);
    expect(filters.language === undefined).to.equal(true);
    expect(filters.q.length).to.equal(100);
  });

  it('build the contract’s query: repeated names, empty lists and blank text left out', () => {
    const query = filtersToQuery({ ...emptyFilters(), topic: ['grief', 'stress'], dropIn: true });
    expect(query).to.deep.equal({ topic: ['grief', 'stress'], dropIn: true });
  });
});
