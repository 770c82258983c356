/** Time in the programme: instants in, Japan time and 令和 out, independent of the process's TZ. */
export * from './jst.js';
export * from './reiwa.js';
export * from './fiscal-year.js';
export * from './business-days.js';
export * from './deadline.js';
export * from './clock.js';
export * from './time-range.js';
