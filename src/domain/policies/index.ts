// Content policies the Judge runs on every result: sensitive topics, persona directives, disclosure.
// Pure functions only: no I/O, no storage of findings and no routing (see ../judge-routing.ts).

export * from './disclosure.js';
export * from './own-repeats.js';
export * from './persona-directives.js';
export * from './quoted-phrases.js';
export * from './sensitive-topics.js';
