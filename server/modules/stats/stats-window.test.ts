import { describe, expect, it } from 'vitest';
import { hourLabel, localDate, nextDate, statsWindow } from './stats-window.js';

describe('localDate', () => {
  it.each([
    ['2037-03-09T18:29:59Z', 'Asia/Kolkata', '2037-03-09'],
    ['2037-03-09T18:30:00Z', 'Asia/Kolkata', '2037-03-10'],
    ['2037-03-09T03:00:00Z', 'America/New_York', '2037-03-08'],
    ['2037-12-31T23:59:59Z', 'UTC', '2037-12-31'],
  ])('%s in %s is %s', (at, timeZone, expected) => {
    expect(localDate(new Date(at), timeZone)).toBe(expected);
  });
});

describe('nextDate', () => {
  it.each([
    ['2037-03-09', '2037-03-10'],
    ['2037-02-28', '2037-03-01'],
    ['2036-02-28', '2036-02-29'],
    ['2037-12-31', '2038-01-01'],
  ])('after %s comes %s', (day, expected) => {
    expect(nextDate(day)).toBe(expected);
  });
});

describe('statsWindow', () => {
  it('spans local midnight to midnight and the current 5-minute slot with the 11 before it', () => {
    const window = statsWindow(new Date('2037-03-09T20:07:30Z'), 'Asia/Kolkata');

    expect(window).toEqual({
      day: '2037-03-10',
      dayStart: '2037-03-10 00:00:00',
      dayEnd: '2037-03-11 00:00:00',
      recentFrom: new Date('2037-03-09T19:10:00Z'),
      recentTo: new Date('2037-03-09T20:05:00Z'),
    });
  });
});

describe('hourLabel', () => {
  it('pads to HH:00', () => {
    expect([0, 9, 23].map(hourLabel)).toEqual(['00:00', '09:00', '23:00']);
  });
});
