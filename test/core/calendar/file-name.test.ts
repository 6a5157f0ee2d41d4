import { expect } from '@open-wc/testing';
import { calendarFileName } from '../../../src/core/calendar/index.js';

describe('calendarFileName', () => {
  it('joins the words of the name with hyphens, in lower case, ending in .ics', () => {
    expect(calendarFileName('Weekly check-in')).to.equal('weekly-check-in.ics');
    expect(calendarFileName('  Appointment  ')).to.equal('appointment.ics');
    expect(calendarFileName('Grief & Loss: Thursdays / 6 pm')).to.equal('grief-loss-thursdays-6-pm.ics');
  });

  it('keeps letters of any script, with their accents', () => {
    expect(calendarFileName('Círculo de apoyo — miércoles')).to.equal('círculo-de-apoyo-miércoles.ics');
    expect(calendarFileName('مجموعة دعم')).to.equal('مجموعة-دعم.ics');
    expect(calendarFileName('同伴支持小组')).to.equal('同伴支持小组.ics');
  });

  it('removes path separators, characters Windows refuses, emoji and invisible direction marks', () => {
    for (const name of ['../../etc/passwd', 'a\\b', 'a<b>c:d"e|f?g*h', 'spoof\u202Egnp.exe', 'x\u0000y\r\nz']) {
      const fileName = calendarFileName(name);
      expect(/^[\p{L}\p{M}\p{N}-]+\.ics$/u.test(fileName), fileName).to.equal(true);
      expect(fileName.startsWith('-') || fileName.includes('--'), fileName).to.equal(false);
    }
    expect(calendarFileName('spoof\u202Egnp.exe')).to.equal('spoof-gnp-exe.ics');
    expect(calendarFileName('🌱 Grow 🌱')).to.equal('grow.ics');
  });

  it('gives "event.ics" for a name with nothing left and for names Windows reserves', () => {
    for (const name of ['', '   ', '🌱🌿', '...', 'CON', 'nul', 'Com1', 'LPT9']) {
      expect(calendarFileName(name), name).to.equal('event.ics');
    }
  });

  it('keeps at most 60 characters, never ending in a hyphen', () => {
    const fileName = calendarFileName(`${'word '.repeat(30)}end`);
    expect([...fileName.slice(0, -4)].length).to.be.at.most(60);
    expect(fileName).to.match(/word\.ics$/);
    expect([...calendarFileName('😀'.repeat(10) + 'é'.repeat(100))].length).to.equal(64);
  });
});
