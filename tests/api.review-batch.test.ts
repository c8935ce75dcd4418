// FR-API-003: batch approval through the API, all or nothing, on PGlite and PostgreSQL. A reviewer
// approves an announcement, a 0.75-confidence check and a payment over $20 in one call: each
// takes the single approval's path (the announcement's effect is recorded once, the payment goes
// out once), with one audit row per review. A batch that lists an unknown id, another tenant's
// review, or one already decided is refused as a whole, names the culprit, and changes nothing;
// racing batches and single approvals never both win a review, and never deadlock into a 5xx.
// On the way, the review list carries a spend review's request as its wire schema declares.

import { describe, expect, it } from 'vitest';
import { postgresWalletStore } from '../src/app/hub-servers.js';
import { parseMoney } from '../src/domain/money.js';
import { openLocalWalletStore } from '../src/mcp/servers/wallet/open-wallet-backend.js';
import { type ApiFixture, buildApiFixture, localOperator } from './support/api-fixture.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const BATCH_URL = '/api/v1/reviews/approve';
/** The sensitive-topics policy sends a confident announcement on an election to a person. */
const ELECTION = 'Senate vote on the election funding bill is Tuesday';

describe.each(ADAPTERS)('batch approval through the API on %s', (kind) => {
  const suite = useTestApp(kind);
  const local = localOperator('default');
  let fixture: ApiFixture;
  /** Pending reviews of tenant 'default', by name. */
  const ids: Record<'announce' | 'check' | 'pay' | 'spare' | 'first', string> = {
    announce: '',
    check: '',
    pay: '',
    spare: '',
    first: '',
  };
  let rivalReviewId: string;

  const approve = (reviewIds: string[], token = fixture.tokens.reviewer) =>
    fixture.http.inject({
      method: 'POST',
      url: BATCH_URL,
      payload: { review_ids: reviewIds },
      headers: { authorization: `Bearer ${token}` },
    });

  const statusOf = async (reviewId: string) =>
    (await suite.app.operator.reviews.show(local, reviewId)).review.status;

  const approvalsAudited = async () =>
    (
      await suite.app.database.pool.query(
        `SELECT subject_id, actor, tenant_id, detail FROM audit_logs
          WHERE action = 'review.approve' ORDER BY id`,
      )
    ).rows;

  const wallets = () =>
    openLocalWalletStore(postgresWalletStore(suite.app.database.pool), suite.app.config, true);

  /** Launches `steps` for `agentId` and returns the review its task waits on. */
  async function reviewOf(steps: Array<Record<string, unknown>>, agentId = 'ava') {
    const { campaign } = await suite.app.operator.campaigns.create(
      local,
      campaignOf(steps, [agentId]),
    );
    await suite.app.runtime.runUntilQuiescent();
    const pending = await suite.app.operator.reviews.list(local, { status: 'pending', limit: 50 });
    const item = pending.find((each) => each.task.campaign_id === campaign.id);
    if (!item) throw new Error(`no review opened for ${JSON.stringify(steps)}`);
    return item.review.id;
  }

  it('sets up reviews of every kind in two tenants', async () => {
    const { app } = suite;
    fixture = await buildApiFixture(app);
    ids.first = fixture.reviewId;
    ids.announce = await reviewOf(singleStep('core.announce', { text: ELECTION }));
    ids.check = await reviewOf(singleStep('core.noop', { confidence: 0.75 }, { max_attempts: 1 }));
    ids.spare = await reviewOf(singleStep('core.noop', { confidence: 0.7 }, { max_attempts: 1 }));
    for (const id of ['patron', 'artist']) {
      await app.store.agents.upsert({ id, name: id, niche: 'art', persona: {}, status: 'active' });
    }
    const store = await wallets();
    await store.fund('patron', parseMoney('100', 'USDC'));
    const artist = (await store.getBalance('artist', 'USDC')).address;
    ids.pay = await reviewOf(
      singleStep('pay_agent', { to: artist, amount: '25', memo: 'commission' }),
      'patron',
    );
    const rival = await app.localActor({ user: 'test', tenantId: 'rival' });
    const { campaign } = await app.operator.campaigns.create(
      rival,
      campaignOf(singleStep('core.noop', { confidence: 0.8 }, { max_attempts: 1 }), ['rex']),
    );
    await app.runtime.runUntilQuiescent();
    const [rivalReview] = await app.operator.reviews.list(rival, { status: 'pending', limit: 5 });
    expect(rivalReview?.task.campaign_id).toBe(campaign.id);
    rivalReviewId = rivalReview!.review.id;
    // The list on the wire carries the spend review's request, as SpendWire declares it.
    const listed = await fixture.http.inject({
      method: 'GET',
      url: '/api/v1/reviews?status=pending',
      headers: { authorization: `Bearer ${fixture.tokens.viewer}` },
    });
    expect(listed.statusCode, listed.body).toBe(200);
    const payItem = listed
      .json()
      .reviews.find((item: { review: { id: string } }) => item.review.id === ids.pay);
    expect(payItem.review.kind).toBe('spend');
    expect(payItem.spend).toMatchObject({
      agent_id: 'patron',
      request_type: 'agent_payment',
      amount: '25000000',
      currency: 'USDC',
      status: 'reserved',
      decision: { decision: 'escalate', risk_score: expect.any(Number) },
    });
  });

  it('refuses a batch with an unknown id or another tenant’s review, naming it, and changes nothing', async () => {
    const unknown = crypto.randomUUID();
    const missing = await approve([ids.announce, ids.check, unknown]);
    expect(missing.statusCode, missing.body).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ code: 'STORE_NOT_FOUND', field: 'review_ids.2' });
    expect(missing.json().detail).toContain(unknown);
    expect(missing.json().detail).toContain('nothing was approved');

    const theirs = await approve([rivalReviewId, ids.check]);
    expect(theirs.statusCode, theirs.body).toBe(404);
    expect(theirs.json()).toMatchObject({ field: 'review_ids.0' });
    expect(theirs.json().detail).toContain(rivalReviewId);

    const rival = await suite.app.localActor({ user: 'test', tenantId: 'rival' });
    expect((await suite.app.operator.reviews.show(rival, rivalReviewId)).review.status).toBe(
      'pending',
    );
    for (const id of [ids.announce, ids.check]) expect(await statusOf(id)).toBe('pending');
    expect(await approvalsAudited()).toEqual([]);
    expect(await suite.app.store.effects.count()).toBe(0);
  });

  it('refuses a batch with a decided review as a conflict, and one listing an id twice', async () => {
    const single = await fixture.http.inject({
      method: 'POST',
      url: `/api/v1/reviews/${ids.first}/approve`,
      headers: { authorization: `Bearer ${fixture.tokens.reviewer}` },
    });
    expect(single.statusCode, single.body).toBe(200);

    const decided = await approve([ids.check, ids.first, ids.announce]);
    expect(decided.statusCode, decided.body).toBe(409);
    expect(decided.json()).toMatchObject({
      code: 'REVIEW_ALREADY_DECIDED',
      field: 'review_ids.1',
    });
    expect(decided.json().detail).toContain(`review '${ids.first}' was already approved`);
    for (const id of [ids.check, ids.announce]) expect(await statusOf(id)).toBe('pending');

    const twice = await approve([ids.check, ids.check]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().field).toBe('body.review_ids.1');
    const tooMany = await approve(Array.from({ length: 101 }, () => crypto.randomUUID()));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().field).toBe('body.review_ids');
    const viewer = await approve([ids.check], fixture.tokens.viewer);
    expect(viewer.statusCode).toBe(403);
    expect(await approvalsAudited()).toHaveLength(1);
  });

  it('approves content and a spend together, each as a single approval would', async () => {
    const batch = [ids.announce, ids.pay, ids.check];
    const answer = await approve(batch);
    expect(answer.statusCode, answer.body).toBe(200);
    const approved = answer.json().approved as Array<{
      review_id: string;
      task: { status: string };
    }>;
    expect(approved.map((each) => each.review_id)).toEqual(batch);
    // Content completes at once; the payment's task is queued to run with its spend approved.
    expect(approved.map((each) => each.task.status)).toEqual(['done', 'queued', 'done']);
    for (const id of batch) {
      const { review } = await suite.app.operator.reviews.show(local, id);
      expect(review).toMatchObject({
        status: 'approved',
        decided_by: expect.stringMatching(/^token:/),
      });
    }
    expect(await statusOf(ids.spare)).toBe('pending');

    const audited = (await approvalsAudited()).filter((row) => batch.includes(row.subject_id));
    expect(audited.map((row) => row.subject_id).sort()).toEqual([...batch].sort());
    for (const row of audited) {
      expect(row).toMatchObject({ tenant_id: 'default', detail: { batch_size: 3 } });
    }

    await suite.app.runtime.runUntilQuiescent();
    const announceTask = approved[0]!.task as unknown as { id: string };
    const effects = await suite.app.store.effects.listByTask(announceTask.id);
    expect(effects).toEqual([expect.objectContaining({ kind: 'announcement' })]);
    const payTask = approved[1]!.task as unknown as { id: string };
    expect((await suite.app.store.tasks.get(payTask.id))?.status).toBe('done');
    const store = await wallets();
    expect((await store.getBalance('patron', 'USDC')).units).toBe(75_000_000n);
    expect((await store.getBalance('artist', 'USDC')).units).toBe(25_000_000n);
    const spends = await suite.app.database.pool.query(
      'SELECT status FROM spend_requests WHERE task_id = $1',
      [payTask.id],
    );
    expect(spends.rows).toEqual([{ status: 'settled' }]);
  });

  it('lets only one of two batches that share a review win', async () => {
    const other = await reviewOf(
      singleStep('core.noop', { confidence: 0.72 }, { max_attempts: 1 }),
    );
    const [left, right] = await Promise.all([
      approve([ids.spare, other]),
      approve([other, ids.spare]),
    ]);
    expect([left.statusCode, right.statusCode].sort()).toEqual([200, 409]);
    const loser = left.statusCode === 409 ? left : right;
    expect(loser.json().code).toBe('REVIEW_ALREADY_DECIDED');
    for (const id of [ids.spare, other]) expect(await statusOf(id)).toBe('approved');
    const audited = (await approvalsAudited()).filter((row) =>
      [ids.spare, other].includes(row.subject_id),
    );
    expect(audited).toHaveLength(2);
  });

  it('races batches and a single approval on one campaign without a deadlock or a 5xx', async () => {
    const { campaign } = await suite.app.operator.campaigns.create(
      local,
      campaignOf(
        ['one', 'two'].map((key) => ({
          key,
          skill: 'core.noop',
          input: { confidence: 0.74 },
          max_attempts: 1,
        })),
      ),
    );
    await suite.app.runtime.runUntilQuiescent();
    const [x, y] = (await suite.app.operator.reviews.list(local, { status: 'pending', limit: 50 }))
      .filter((item) => item.task.campaign_id === campaign.id)
      .map((item) => item.review.id);
    const single = fixture.http.inject({
      method: 'POST',
      url: `/api/v1/reviews/${y}/approve`,
      headers: { authorization: `Bearer ${fixture.tokens.reviewer}` },
    });
    const answers = await Promise.all([approve([x!, y!]), single, approve([y!, x!])]);
    for (const answer of answers) expect([200, 409], answer.body).toContain(answer.statusCode);
    expect(answers.filter((answer) => answer.statusCode === 200).length).toBeGreaterThan(0);
    expect(await statusOf(y!)).toBe('approved');
    // Each review was approved once at most: one audit row, never two.
    for (const id of [x!, y!]) {
      const rows = (await approvalsAudited()).filter((row) => row.subject_id === id);
      expect(rows.length).toBe((await statusOf(id)) === 'approved' ? 1 : 0);
    }
  });
});
