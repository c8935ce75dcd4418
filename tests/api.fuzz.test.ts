// FR-API-007: fuzzes the operator API from its own OpenAPI document: 10,000 requests, each built by
// fast-check (fixed seed) from an operation of /openapi.json with malformed bodies, parameters and
// headers: wrong types, huge strings, control and non-ASCII characters, NULs and lone surrogates,
// other tenants' ids, unknown query parameters, bodies that are not JSON or have the wrong shape,
// deep nesting, missing and extra fields, wrong content types, bodies over the 1 MiB limit,
// malformed Authorization headers, a browser session with and without its CSRF token, and valid
// tokens of every role. The property: no 5xx, never a stack trace, no hang, and every 4xx is an
// application/problem+json whose `status` is the HTTP status and whose `field` names the culprit.
// Runs on PGlite with the rate limit out of the way (it has its own tests); about 25 s.

import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { type ApiFixture, buildApiFixture, localOperator } from './support/api-fixture.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';

/** The seed of every run: the same 10,000 requests each time. */
const SEED = 20_261_129;
const RUNS = 10_000;
const BODY_LIMIT = 1_048_576;
/** A request with no answer by then has hung the server. */
const ANSWER_TIMEOUT_MS = 15_000;

type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the document: what the fuzzer needs to build requests for it. */
interface Operation {
  method: string;
  /** OpenAPI path template: '/api/v1/agents/{id}'. */
  path: string;
  operationId: string;
  role: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  body?: { schema: JsonSchema; example: unknown };
}

interface OpenApiOperation {
  operationId: string;
  'x-chimera-role': string;
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema; example?: unknown } } };
}

/** A request as `inject` takes it. */
interface FuzzRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH' | 'OPTIONS';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** Every operation of an OpenAPI document. */
function operationsOf(document: {
  paths: Record<string, Record<string, OpenApiOperation>>;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const json = operation.requestBody?.content['application/json'];
      return {
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId,
        role: operation['x-chimera-role'],
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        queryParams: parameters.filter((parameter) => parameter.in === 'query'),
        headerParams: parameters.filter((parameter) => parameter.in === 'header'),
        ...(json && { body: { schema: json.schema, example: json.example } }),
      };
    }),
  );
}

// ---- values ----------------------------------------------------------------------------------

/** Strings that have broken parsers, databases and routers before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\r\n',
  '..',
  '../../etc/passwd',
  '%',
  '%00',
  '%zz',
  '%E0%A4%A',
  "'; DROP TABLE tasks; --",
  '" OR 1=1 --',
  `$${'{'}jndi:ldap://example.invalid/a}`,
  '{{7*7}}',
  '<script>alert(1)</script>',
  '\u202egnp.exe',
  '🦄',
  '\uFDFA',
  '\ud800',
  '\udfff\ud800',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '1.5',
  '0x10',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '{0b5e2f7a-3c1d-4e8f-9a6b-1c2d3e4f5a6b}',
  '0b5e2f7a3c1d4e8f9a6b1c2d3e4f5a6b',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'AVA',
  'ava ',
  ' ava',
  'ava\n',
  'a'.repeat(65),
  '-ava',
  '_',
];

/** Any string, from plain to hostile: unicode, control characters, lone surrogates, huge. */
const weirdString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'x'.repeat(n)) },
);

/** A JSON value of any shape and type. */
const malformedValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: weirdString },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      -0,
      1.5,
      1e308,
      -1e308,
      2 ** 53 + 1,
      [],
      {},
      [null],
      { '': '' },
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.array(weirdString, { maxLength: 5 }) },
);

/** A value that fits `schema`, or near enough to look like one. */
function fitsSchema(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return fc.uuid({ version: 4 });
      if (schema.format === 'date-time') {
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((date) => date.toISOString());
      }
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 60, 60),
      });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1_000,
        max: schema.maximum ?? 1_000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fitsSchema(schema.items ?? {}), { maxLength: 4 });
    case 'object': {
      if (schema.properties) {
        const entries = Object.entries(schema.properties).map(
          ([key, property]) => [key, fitsSchema(property)] as const,
        );
        return fc.record(Object.fromEntries(entries), { requiredKeys: schema.required ?? [] });
      }
      return fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: 4,
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every key path of a JSON value, the root ([]) included. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [
    prefix,
    ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, key])),
  ];
}

/** A copy of `value` with `path` set to `replacement` (or removed, for undefined). */
function withAt(value: unknown, path: string[], replacement: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return replacement;
  if (typeof value !== 'object' || value === null) return value;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  const child = withAt(copy[key], rest, replacement);
  if (child === undefined && rest.length === 0) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(Number(key), 1);
    else delete copy[key];
  } else {
    // defineProperty, so a '__proto__' key is an own key and reaches the wire.
    Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true });
  }
  return copy;
}

/** Characters PostgreSQL, JSON and terminals each mishandle in their own way. */
const SPIKES = ['\u0000', '\ud800', '\udc00', '\u0001', '\u001b[2J', '\u007f', '\u2028', '\uffff'];

/** A string mutated: cut short, or with something hostile spliced in (often into frontmatter). */
function mutatedString(base: string): fc.Arbitrary<string> {
  const at = fc.oneof(fc.nat({ max: base.length }), fc.constant(base.indexOf('\n') + 1));
  const splice = (insert: fc.Arbitrary<string>) =>
    fc.tuple(at, insert).map(([index, text]) => base.slice(0, index) + text + base.slice(index));
  // A `key: value` line (YAML frontmatter) with its value swapped for a hostile one, double-quoted
  // as YAML reads it, so escapes like \u0000 reach the parser.
  const lines = base.split('\n');
  const keyLines = lines.flatMap((line, index) => (/^\w+: /.test(line) ? [index] : []));
  const rewriteLine = (index: number) =>
    fc
      .oneof(
        { weight: 2, arbitrary: fc.constantFrom(...SPIKES) },
        { weight: 1, arbitrary: weirdString },
      )
      .map((value) =>
        lines
          .map((line, at) =>
            at === index ? line.replace(/: .*$/, `: ${JSON.stringify(value)}`) : line,
          )
          .join('\n'),
      );
  return fc.oneof(
    fc.nat({ max: base.length }).map((index) => base.slice(0, index)),
    splice(weirdString),
    splice(fc.constantFrom(...SPIKES)),
    splice(fc.constantFrom(...YAML_NASTIES)),
    ...keyLines.map(rewriteLine),
  );
}

/** Things to splice into a SOUL.md (or any text) that YAML and markdown parsers choke on. */
const YAML_NASTIES = [
  '\n---\n',
  '\n---\n---\n',
  '\nid: [unclosed\n',
  '\nid: "\\0"\n',
  '\nname: "\\u0000"\n',
  '\na: &a [*a, *a]\n',
  '\nlol: &l ["x","x"]\nlol2: &m [*l,*l,*l,*l]\nlol3: [*m,*m,*m,*m]\n',
  '\nx: !!js/function "function(){}"\n',
  '\nx: !!binary "AAAA"\n',
  '\n\tid: tabbed\n',
  '\uFEFF',
  '\nplatforms: {instagram: 1}\n',
  '\nvoice_traits: 42\n',
  '\nniche: [a, b]\n',
  '\n## Backstory\n',
  '\n? [complex, key]\n: value\n',
  '\n<<: {merge: 1}\n',
  '\nid: ../../etc\n',
  '\nname: "Av\\0a"\n',
  '\nniche: "\\ud800"\n',
];

/** The body `example` mutated: a field wrong, missing or extra, or the whole thing wrapped. */
function mutatedJson(example: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(example);
  const strings = paths.filter(
    (path) =>
      typeof path.reduce<unknown>(
        (value, key) => (value as Record<string, unknown> | undefined)?.[key],
        example,
      ) === 'string',
  );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...paths), malformedValue)
        .map(([path, value]) => withAt(example, path, value)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...paths).map((path) => withAt(example, path, undefined)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.oneof(weirdString, fc.constantFrom('__proto__', 'constructor', 'extra')),
          malformedValue,
        )
        .map(([key, value]) => withAt(example, [key], value)),
    },
    { weight: 1, arbitrary: fc.constant([example]) },
    // Text fields, SOUL.md above all, get most of the attention: parsers live behind them.
    ...strings.map((path) => {
      const base = path.reduce<unknown>(
        (value, key) => (value as Record<string, unknown>)[key],
        example,
      ) as string;
      return {
        weight: 4,
        arbitrary: mutatedString(base).map((text) => withAt(example, path, text)),
      };
    }),
  );
}

/** JSON `depth` levels deep, as text (building it as a value would overflow the stack). */
function deepJson(depth: number, kind: 'object' | 'array'): string {
  return kind === 'object'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

/** A header value a real HTTP parser could deliver: printable ASCII, tab and latin-1. */
const headerText = (maxLength: number) =>
  fc.string({
    unit: fc
      .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
      .map((code) => String.fromCharCode(code)),
    maxLength,
  });

const CONTENT_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'multipart/form-data; boundary=----fuzz',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/problem+json',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/*',
  '*/*',
  'application/octet-stream',
  'application/json, text/plain',
  ';',
  'json',
];

/** A browser session of the fixture's reviewer: its cookie and its CSRF token. */
interface Session {
  cookie: string;
  csrfToken: string;
}

/** What the property needs of an answer. */
interface Answer {
  statusCode: number;
  contentType: string;
  body: string;
}

// ---- the test --------------------------------------------------------------------------------

describe('the operator API under fuzzing', () => {
  // The rate limit would turn most of the run into 429s; it has its own tests.
  const suite = useTestApp('pglite', { config: { apiRateLimit: 1_000_000 } });

  it(`answers ${RUNS.toLocaleString('en')} malformed requests from /openapi.json with no 5xx and a named field for every 4xx`, async () => {
    const fixture = await buildApiFixture(suite.app);
    const documentAnswer = await fixture.http.inject({ method: 'GET', url: '/openapi.json' });
    expect(documentAnswer.statusCode).toBe(200);
    // A hire reaches another node over the network (its provider_url); its refusals of bad input
    // are tested with real nodes in tests/network.*.test.ts.
    const operations = operationsOf(documentAnswer.json()).filter(
      (operation) => operation.operationId !== 'hireFromNetwork',
    );
    expect(operations.length).toBeGreaterThanOrEqual(30);
    const session = await openSession(suite.app, fixture);
    const extraBodies = await validBodies(fixture);

    let sent = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        requestArbitrary(operations, fixture, session, extraBodies),
        async (request) => {
          const answer = await send(fixture.http, request);
          sent += 1;
          statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
          const seen = `${answer.statusCode} ${answer.contentType} ${answer.body.slice(0, 400)}`;
          if (answer.statusCode >= 500) throw new Error(`a 5xx: ${seen}`);
          if (/\n\s+at /.test(answer.body)) throw new Error(`a stack trace: ${seen}`);
          if (answer.statusCode >= 400) {
            if (!answer.contentType.startsWith('application/problem+json')) {
              throw new Error(`a 4xx that is not a problem: ${seen}`);
            }
            const problem = JSON.parse(answer.body) as { status?: unknown; field?: unknown };
            if (problem.status !== answer.statusCode) {
              throw new Error(`a problem whose status is not the answer's: ${seen}`);
            }
            if (typeof problem.field !== 'string' || problem.field.length === 0) {
              throw new Error(`a 4xx that names no field: ${seen}`);
            }
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    // The run reached past the edge: successes and refusals of every kind, not 401s alone.
    const count = (test: (status: number) => boolean) =>
      [...statuses].filter(([status]) => test(status)).reduce((sum, [, n]) => sum + n, 0);
    expect(count((status) => status < 300)).toBeGreaterThan(RUNS / 20);
    for (const status of [400, 401, 403, 404, 413, 415, 422]) {
      expect(statuses.get(status) ?? 0, `answers with ${status}`).toBeGreaterThan(0);
    }
  }, 300_000);
});

/** Signs the fixture's reviewer token in by a login link, as a browser would. */
async function openSession(app: ChimeraApp, fixture: ApiFixture): Promise<Session> {
  const link = await app.operator.tokens.createLoginLink(
    localOperator('default'),
    fixture.tokenIds.reviewer,
  );
  const signIn = await fixture.http.inject({ method: 'GET', url: `/login?token=${link.secret}` });
  const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
  const me = await fixture.http.inject({
    method: 'GET',
    url: '/api/v1/session',
    headers: { cookie },
  });
  return { cookie, csrfToken: me.json().csrf_token };
}

/**
 * Bodies that pass the services' own checks, by operationId, for the cases the document's
 * examples do not reach: its SOUL.md example has no body sections, its campaign names a skill
 * this app lacks. Mutations of these reach the persona parser, the planner and the store.
 */
async function validBodies(fixture: ApiFixture): Promise<Record<string, unknown[]>> {
  const soul = await readFile(new URL('../examples/personas/ava/SOUL.md', import.meta.url), 'utf8');
  return {
    createAgent: [{ soul: soul.replace(/^id: ava$/m, 'id: fuzz') }],
    createCampaign: [campaignOf(singleStep('core.noop', { confidence: 0.95 }))],
    editAndApproveReview: [{ changes: { ok: true } }],
    reportResult: [{ task_id: fixture.taskId, confidence: 0.95, result: { ok: true } }],
  };
}

/**
 * Sends `request` and reads the whole answer; of an event stream, which never ends, only what
 * came first, then hangs up. No answer within ANSWER_TIMEOUT_MS is a failure too.
 */
async function send(http: FastifyInstance, request: FuzzRequest): Promise<Answer> {
  const hangUp = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      hangUp.abort();
      reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`));
    }, ANSWER_TIMEOUT_MS);
  });
  const exchange = async (): Promise<Answer> => {
    const answer = await http.inject({ ...request, payloadAsStream: true, signal: hangUp.signal });
    const stream = answer.stream();
    stream.on('error', () => {});
    const contentType = String(answer.headers['content-type'] ?? '');
    if (contentType.startsWith('text/event-stream')) {
      const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
      hangUp.abort();
      return { statusCode: answer.statusCode, contentType, body: first.toString('utf8') };
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    const body = Buffer.concat(chunks).toString('utf8');
    return { statusCode: answer.statusCode, contentType, body };
  };
  try {
    return await Promise.race([exchange(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `request` as a failure report shows it: long values cut short, the body's size given. */
function withSummary(request: FuzzRequest): FuzzRequest {
  const cut = (text: string) =>
    text.length > 200 ? `${text.slice(0, 200)}…(${text.length})` : text;
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${cut(value)}`);
  const payload =
    request.payload === undefined
      ? '(no body)'
      : typeof request.payload === 'string'
        ? cut(request.payload)
        : `(${request.payload.length} bytes)`;
  const summary = [`${request.method} ${cut(request.url)}`, ...headers, '', payload].join('\n');
  // Not enumerable, so inject never sees it.
  return Object.defineProperty(request, fc.toStringMethod, { value: () => summary });
}

/** Requests for `operations`, with `fixture`'s tokens and ids among the hostile ones. */
function requestArbitrary(
  operations: Operation[],
  fixture: ApiFixture,
  session: Session,
  extraBodies: Record<string, unknown[]>,
): fc.Arbitrary<FuzzRequest> {
  // Ours and the rival's objects, of every kind, for any path parameter. Never the fixture's own
  // tokens: revoking them would end the run's authenticated half.
  const knownIds = [
    'ava',
    'rex',
    'noor',
    fixture.campaignId,
    fixture.reviewId,
    fixture.reviewedTaskId,
    fixture.taskId,
    fixture.spareTokenId,
  ];
  const anyToken = fc.constantFrom(
    fixture.tokens.viewer,
    fixture.tokens.reviewer,
    fixture.tokens.operator,
    fixture.rivalToken,
  );
  const malformedAuthorization = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      'Bearer',
      'Bearer ',
      'Bearer  ',
      'Basic x',
      'Basic dXNlcjpwYXNz',
      'Digest username="a"',
      'Bearer chm_',
      'Bearer chm_\u00e9\u00e8',
      'Bearer null',
      'Bearer undefined',
      'Bearer %00',
      'Bearer a b',
    ),
    fc.integer({ min: 1_000, max: 60_000 }).map((n) => `Bearer chm_${'A'.repeat(n)}`),
    headerText(80).map((text) => `Bearer ${text}`),
    headerText(80),
    anyToken.map((secret) => `Token ${secret}`),
    anyToken.map((secret) => secret),
    anyToken.map((secret) => `Bearer ${secret}x`),
    anyToken.map((secret) => `Bearer ${secret.slice(0, -1)}`),
    anyToken.map((secret) => `Bearer ${secret.toUpperCase()}`),
    anyToken.map((secret) => `Bearer ${secret} ${secret}`),
    anyToken.map((secret) => `bearer\t${secret}`),
  );
  // Who calls: mostly a token of the operation's own role (so malformed input reaches the
  // handler), else any role, the rival tenant, the browser session, a broken header or no one.
  const credentials = (operation: Operation): fc.Arbitrary<Record<string, string>> => {
    const own =
      fixture.tokens[operation.role as keyof ApiFixture['tokens']] ?? fixture.tokens.viewer;
    const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant(bearer(own)) },
      { weight: 4, arbitrary: anyToken.map(bearer) },
      { weight: 2, arbitrary: fc.constant({}) },
      { weight: 4, arbitrary: malformedAuthorization.map((authorization) => ({ authorization })) },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(session.csrfToken, undefined, '', `${session.csrfToken}x`, 'csrf_')
          .map((csrf) => ({
            cookie: session.cookie,
            ...(csrf !== undefined && { 'x-csrf-token': csrf }),
          })),
      },
    );
  };
  const extraHeaders = fc.dictionary(
    fc.constantFrom(
      'cookie',
      'x-csrf-token',
      'accept',
      'accept-encoding',
      'content-encoding',
      'x-forwarded-for',
      'host',
      'origin',
      'user-agent',
    ),
    fc.oneof(
      headerText(60),
      headerText(60).map((text) => `chimera_session=${text}`),
      fc.constantFrom('gzip', 'application/xml', '*/*', '::1', '[::1', 'chimera_session='),
    ),
    { maxKeys: 2 },
  );
  // The operation's own header parameters (Last-Event-ID), fitting or not.
  const documentedHeaders = (operation: Operation): fc.Arbitrary<Record<string, string>> =>
    fc.record<Record<string, string>>(
      Object.fromEntries(
        operation.headerParams.map((parameter) => [
          parameter.name.toLowerCase(),
          fc.oneof(fitsSchema(parameter.schema).map(String), headerText(40)),
        ]),
      ),
      { requiredKeys: [] },
    );

  // One arbitrary per operation, built once: chain() would rebuild it for every request.
  const perOperation = operations.map((operation) =>
    fc
      .record({
        method: fc.oneof(
          { weight: 12, arbitrary: fc.constant(operation.method as FuzzRequest['method']) },
          {
            weight: 1,
            arbitrary: fc.constantFrom<FuzzRequest['method']>(
              'GET',
              'POST',
              'DELETE',
              'PUT',
              'PATCH',
              'OPTIONS',
            ),
          },
        ),
        path: pathArbitrary(operation, knownIds),
        query: queryArbitrary(operation),
        credentials: credentials(operation),
        extraHeaders,
        documentedHeaders: documentedHeaders(operation),
        body: bodyArbitrary(
          operation,
          examplesOf(operation, fixture, extraBodies[operation.operationId]),
        ),
      })
      .map(({ method, path, query, credentials, extraHeaders, documentedHeaders, body }) =>
        withSummary({
          method,
          url: `${path}${query}`,
          headers: { ...extraHeaders, ...documentedHeaders, ...body.headers, ...credentials },
          ...(body.payload !== undefined && { payload: body.payload }),
        }),
      ),
  );
  // Operations with a body get three times the share: most of the parsing is behind them.
  return fc.oneof(
    ...perOperation.map((arbitrary, index) => ({
      weight: operations[index]?.body ? 3 : 1,
      arbitrary,
    })),
  );
}

/** The operation's path with its parameters filled: known ids, fitting values or hostile ones. */
function pathArbitrary(operation: Operation, knownIds: string[]): fc.Arbitrary<string> {
  const segments = operation.pathParams.map((parameter) =>
    fc
      .tuple(
        fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...knownIds) },
          { weight: 3, arbitrary: fitsSchema(parameter.schema).map(String) },
          { weight: 4, arbitrary: weirdString },
        ),
        fc.oneof(
          { weight: 6, arbitrary: fc.constant(encodeURIComponent) },
          { weight: 1, arbitrary: fc.constant((text: string) => text) },
        ),
      )
      .map(([value, encode]) => {
        try {
          return [parameter.name, encode(value)] as const;
        } catch {
          // A lone surrogate cannot be percent-encoded: send it as it is.
          return [parameter.name, value] as const;
        }
      }),
  );
  const filled = fc
    .tuple(...segments)
    .map((values) =>
      values.reduce((path, [name, value]) => path.replace(`{${name}}`, value), operation.path),
    );
  return fc
    .tuple(
      filled,
      fc.oneof(
        { weight: 20, arbitrary: fc.constant((path: string) => path) },
        { weight: 1, arbitrary: fc.constant((path: string) => `${path}/`) },
        { weight: 1, arbitrary: fc.constant((path: string) => path.replace('/', '//')) },
        { weight: 1, arbitrary: fc.constant((path: string) => path.toUpperCase()) },
        { weight: 1, arbitrary: fc.constant((path: string) => `${path}/extra`) },
        { weight: 1, arbitrary: fc.constant((path: string) => `${path}%2F..`) },
      ),
    )
    .map(([path, change]) => change(path));
}

/** A query string: the operation's parameters (fitting or not), unknown ones and repeats. */
function queryArbitrary(operation: Operation): fc.Arbitrary<string> {
  const known = operation.queryParams.map((parameter) =>
    fc.option(
      fc
        .oneof(
          { weight: 3, arbitrary: fitsSchema(parameter.schema).map(String) },
          { weight: 3, arbitrary: weirdString },
        )
        .map((value) => [parameter.name, value] as [string, string]),
      { freq: 2 },
    ),
  );
  const unknown = fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'limit',
          'status',
          'agent_id',
          '__proto__',
          'constructor',
          'status[]',
          'agent_id[0]',
          'a[b]',
          '',
        ),
        weirdString,
      ),
      weirdString,
    ),
    { maxLength: 3 },
  );
  return fc
    .tuple(
      fc.tuple(...known),
      fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: unknown }),
      fc.oneof(
        { weight: 8, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.constantFrom('&', '&&=', '%', '%zz=%E0%A4%A', '=', '?') },
      ),
    )
    .map(([knownPairs, unknownPairs, raw]) => {
      const pairs = [
        ...knownPairs.filter((pair): pair is [string, string] => pair !== null),
        ...unknownPairs,
      ].map(([key, value]) => `${encode(key)}=${encode(value)}`);
      const query = [...pairs, ...(raw ? [raw] : [])].join('&');
      return query ? `?${query}` : '';
    });
}

/** Percent-encodes `text`; a lone surrogate, which cannot be, goes as it is. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A body with its headers: none, fitting, mutated, any JSON, not JSON, deep, oversized. */
function bodyArbitrary(
  operation: Operation,
  examples: unknown[],
): fc.Arbitrary<{ payload?: string | Buffer; headers: Record<string, string> }> {
  const example = examples[0];
  const json = (value: unknown) => ({
    payload: JSON.stringify(value) ?? 'null',
    headers: { 'content-type': 'application/json' },
  });
  const asJson = (payload: string) => ({
    payload,
    headers: { 'content-type': 'application/json' },
  });
  const fitting =
    operation.body && examples.length > 0
      ? fc.oneof(fc.constantFrom(...examples), fitsSchema(operation.body.schema))
      : fc.constant({});
  const mutated = examples.length > 0 ? fc.oneof(...examples.map(mutatedJson)) : mutatedJson({});
  const deepPaths = pathsOf(example ?? {});
  const arbitraries: Array<
    fc.WeightedArbitrary<{ payload?: string | Buffer; headers: Record<string, string> }>
  > = [
    { weight: 6, arbitrary: fc.constant({ headers: {} }) },
    { weight: 10, arbitrary: fitting.map(json) },
    { weight: 14, arbitrary: mutated.map(json) },
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
    { weight: 3, arbitrary: weirdString.map(asJson) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...deepPaths),
          fc.constantFrom(100, 1_000, 10_000, 100_000),
          fc.constantFrom<'object' | 'array'>('object', 'array'),
        )
        .map(([path, depth, kind]) =>
          asJson(
            JSON.stringify(withAt(example ?? {}, path, '__DEEP__')).replace(
              '"__DEEP__"',
              deepJson(depth, kind),
            ),
          ),
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          '{"__proto__":{"isAdmin":true}}',
          '{"constructor":{"prototype":{"isAdmin":true}}}',
          '{"a":1,"a":2}',
          '{"soul":"x"',
          '{"soul":"x"}}',
          "{'soul':'x'}",
          '{"soul":"\\ud800"}',
          '{"reason":"\\u0000"}',
          '{"changes":{"\\u0000":"\\u0000"}}',
          '\uFEFF{}',
          'NaN',
          '[',
          '"',
          '',
          ' ',
          'null',
          '1e999999',
        )
        .map(asJson),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ minLength: 1, maxLength: 64 })
        .map((bytes) => ({ ...asJson(''), payload: Buffer.from(bytes) })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(fitting, fc.constantFrom(...CONTENT_TYPES)).map(([value, type]) => ({
        payload: JSON.stringify(value) ?? 'null',
        headers: { 'content-type': type },
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fitting, fc.constantFrom('0', '1', '5', '99999999', '-1', 'abc', '1.5'))
        .map(([value, length]) => ({
          payload: JSON.stringify(value) ?? 'null',
          headers: { 'content-type': 'application/json', 'content-length': length },
        })),
    },
    { weight: 1, arbitrary: fc.constant(asJson(OVERSIZED)) },
    { weight: 1, arbitrary: fc.constant({ headers: { 'content-type': 'application/json' } }) },
  ];
  return fc.oneof(...arbitraries);
}

/** A body just over the server's 1 MiB limit. */
const OVERSIZED = JSON.stringify({ soul: 'x'.repeat(BODY_LIMIT + 16), reason: 'x' });

/**
 * The bodies to start from for `operation`: the document's example (pointing at our task where
 * it names one) and `extra` ones that get further into the services.
 */
function examplesOf(operation: Operation, fixture: ApiFixture, extra: unknown[] = []): unknown[] {
  const example = operation.body?.example;
  if (example === undefined) return extra;
  const ours =
    typeof example === 'object' && example !== null && 'task_id' in example
      ? { ...example, task_id: fixture.taskId }
      : example;
  return [ours, ...extra];
}
