import { expect } from '@open-wc/testing';
import { downloadCalendar, toICalendar } from '../../../src/core/calendar/index.js';

const ICS = toICalendar([
  { uid: 'a@test.example', title: 'Café ☕', start: '2026-09-10T18:00', timeZone: 'UTC', durationMinutes: 30 },
]);

/** Every link clicked in `doc` while `action` runs, with what its object URL held at the moment of the click. */
async function clicksDuring(doc: Document, action: () => void) {
  const clicks: { link: HTMLAnchorElement; inDocument: boolean; body: Promise<Blob> }[] = [];
  const listener = (event: Event) => {
    const link = event.target as HTMLAnchorElement;
    // Read the object URL at once, as the browser's download does.
    clicks.push({ link, inDocument: link.isConnected, body: fetch(link.href).then((response) => response.blob()) });
  };
  doc.addEventListener('click', listener);
  try {
    action();
  } finally {
    doc.removeEventListener('click', listener);
  }
  return clicks;
}

const fetchFails = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  );
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('downloadCalendar', () => {
  it('clicks one temporary <a download> whose object URL holds the file, then takes the link away', async () => {
    const clicks = await clicksDuring(document, () => downloadCalendar(ICS, 'cafe.ics', document, 100));
    expect(clicks.length).to.equal(1);
    const [{ link, inDocument, body }] = clicks as [(typeof clicks)[0]];
    expect(link.download).to.equal('cafe.ics');
    expect(link.href.startsWith(`blob:${location.origin}/`)).to.equal(true);
    expect(inDocument).to.equal(true);
    expect(link.isConnected).to.equal(false);
    const blob = await body;
    expect(blob.type).to.equal('text/calendar;charset=utf-8');
    expect(await blob.text()).to.equal(ICS);
    // The bytes are UTF-8: "é" is two octets, "☕" three.
    expect(blob.size).to.equal(new TextEncoder().encode(ICS).length);
  });

  it('revokes the object URL afterwards, and not before the delay', async () => {
    const clicks = await clicksDuring(document, () => downloadCalendar(ICS, 'a.ics', document, 200));
    const url = clicks[0]!.link.href;
    await pause(50);
    expect(await fetchFails(url)).to.equal(false);
    await pause(300);
    expect(await fetchFails(url)).to.equal(true);
  });

  it('keeps the object URL for a while by default, for browsers that read it after the click', async () => {
    const clicks = await clicksDuring(document, () => downloadCalendar(ICS, 'a.ics'));
    await pause(500);
    expect(await fetchFails(clicks[0]!.link.href)).to.equal(false);
  });

  it('works in a document that enforces Trusted Types and a strict CSP, with no violation', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; script-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'">
      <body></body>`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    try {
      await loaded;
      const doc = frame.contentDocument!;
      const violations: string[] = [];
      doc.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      // The policy is in force: a string written as HTML is refused.
      expect(() => {
        doc.body.innerHTML = '<b>x</b>';
      }).to.throw(/TrustedHTML/);
      const clicks = await clicksDuring(doc, () => downloadCalendar(ICS, 'a.ics', doc, 100));
      expect(clicks.length).to.equal(1);
      expect(await (await clicks[0]!.body).text()).to.equal(ICS);
      await pause(50);
      expect(violations.filter((directive) => directive !== 'require-trusted-types-for')).to.deep.equal([]);
      expect(violations.length).to.equal(1); // the innerHTML above, and nothing from the download
    } finally {
      frame.remove();
    }
  });
});
