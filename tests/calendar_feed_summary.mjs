// Parses an iCalendar file with ical.js (a maintained parser, the one Thunderbird uses) and
// prints what a calendar app would read from it as JSON: each event's UID, start in UTC,
// duration, summary, description, URL and alarms, plus the raw line checks of RFC 5545 3.1
// (CRLF only, no line over 75 octets), and every URL and URI-valued property anywhere in it.
// Usage: node calendar_feed_summary.mjs ICAL_JS_MODULE FEED.ics
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [modulePath, feedPath] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(modulePath).href)).default;
const raw = readFileSync(feedPath);
const text = raw.toString('utf8');

const physical = text.split('\r\n');
const longest = Math.max(...physical.map((line) => Buffer.byteLength(line, 'utf8')));
const bareLf = /[^\r]\n/.test(text) || text.startsWith('\n');
const bareCr = /\r(?!\n)/.test(text);

const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents('vevent').map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    minutes: event.duration.toSeconds() / 60,
    summary: event.summary,
    description: event.description,
    url: component.getFirstPropertyValue('url'),
    dtstamp: component.getFirstPropertyValue('dtstamp')?.toString() ?? null,
    alarms: component.getAllSubcomponents('valarm').map((alarm) => ({
      action: alarm.getFirstPropertyValue('action'),
      trigger_seconds: alarm.getFirstPropertyValue('trigger').toSeconds(),
      description: alarm.getFirstPropertyValue('description'),
    })),
  };
});
// Every property named URL or holding a URI, in the calendar and all its components.
const uris = [];
const collect = (component) => {
  for (const property of component.getAllProperties()) {
    if (property.name === 'url' || property.type === 'uri') uris.push(...property.getValues().map(String));
  }
  component.getAllSubcomponents().forEach(collect);
};
collect(calendar);
console.log(
  JSON.stringify({
    version: calendar.getFirstPropertyValue('version'),
    prodid: calendar.getFirstPropertyValue('prodid'),
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    ends_in_crlf: text.endsWith('\r\n'),
    bare_lf: bareLf,
    bare_cr: bareCr,
    longest_line_octets: longest,
    folded_lines: physical.filter((line) => line.startsWith(' ')).length,
    events,
    uris,
  }),
);
