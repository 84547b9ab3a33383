import { DomainEvent, DomainEventBus } from '@o2o/core';
import { availableDatabases } from '@o2o/testing';
import { createLearner, createLearners, createSession } from './support/fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

describe.each(availableDatabases())('booking engine over HTTP on %s', (kind) => {
  let t: TestApp;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const bus = t.app.get(DomainEventBus);
    for (const type of ['BookingConfirmed', 'BookingWaitlisted', 'BookingPromoted', 'BookingCancelled', 'SessionCancelled'] as const) {
      bus.subscribe(type, (e) => { events.push(e as DomainEvent); });
    }
  });
  afterAll(() => t.close());

  const book = (sessionId: string, learnerId: string) =>
    t.http().post(`/api/v1/sessions/${sessionId}/bookings`).set(AUTH).send({ learnerId });

  it('50 concurrent bookings for 5 seats: exactly 5 confirmed and 45 waitlisted at positions 1–45', async () => {
    const session = await createSession(t, { capacity: 5, waitlistLimit: 50 });
    const learners = await createLearners(t, 50);
    const responses = await Promise.all(learners.map((l) => book(session.id, l)));
    expect(responses.filter((r) => r.status >= 500)).toHaveLength(0);
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const confirmed = responses.filter((r) => r.body.status === 'confirmed');
    const waitlisted = responses.filter((r) => r.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(5);
    expect(waitlisted.map((r) => r.body.waitlistPosition).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 45 }, (_, i) => i + 1),
    );
    const stored = await t.http().get(`/api/v1/sessions/${session.id}`).set(AUTH);
    expect(stored.body).toMatchObject({ confirmedCount: 5, waitlistCount: 45, seatsLeft: 0 });
    const list = await t.http().get(`/api/v1/sessions/${session.id}/bookings`).set(AUTH);
    expect(list.body.filter((b: { status: string }) => b.status === 'confirmed')).toHaveLength(5);
    expect(list.body.filter((b: { status: string }) => b.status === 'waitlisted').map((b: { waitlistPosition: number }) => b.waitlistPosition))
      .toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });

  it('booking again returns the existing booking (200, same id), also when racing', async () => {
    const session = await createSession(t);
    const learner = await createLearner(t);
    // Twelve at once: on PostgreSQL most wait for the first one's lock and must still find its booking.
    const replies = await Promise.all(Array.from({ length: 12 }, () => book(session.id, learner)));
    expect(replies.map((r) => r.status).sort()).toEqual([...Array(11).fill(200), 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect((await t.http().get(`/api/v1/sessions/${session.id}`).set(AUTH)).body.confirmedCount).toBe(1);
  });

  it('cancelling a confirmed booking promotes the first waitlisted learner exactly once, even when cancellations race', async () => {
    const session = await createSession(t, { capacity: 2, waitlistLimit: 10 });
    const learners = await createLearners(t, 5);
    const bookings: { id: string; status: string }[] = [];
    for (const l of learners) bookings.push((await book(session.id, l)).body);
    expect(bookings.map((b) => b.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);
    events.length = 0;
    // The same booking cancelled twice at once, and another confirmed booking cancelled at the same moment.
    const results = await Promise.all([
      t.http().post(`/api/v1/bookings/${bookings[0].id}/cancel`).set(AUTH),
      t.http().post(`/api/v1/bookings/${bookings[0].id}/cancel`).set(AUTH),
      t.http().post(`/api/v1/bookings/${bookings[1].id}/cancel`).set(AUTH),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const list = (await t.http().get(`/api/v1/sessions/${session.id}/bookings`).set(AUTH)).body;
    const byId = Object.fromEntries(list.map((b: { id: string }) => [b.id, b]));
    expect(byId[bookings[2].id]).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(byId[bookings[3].id]).toMatchObject({ status: 'confirmed' });
    expect(byId[bookings[4].id]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(events.filter((e) => e.type === 'BookingPromoted').map((e) => (e.payload as { bookingId: string }).bookingId).sort())
      .toEqual([bookings[2].id, bookings[3].id].sort());
    expect(events.filter((e) => e.type === 'BookingCancelled')).toHaveLength(2);
    const stored = (await t.http().get(`/api/v1/sessions/${session.id}`).set(AUTH)).body;
    expect(stored).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
  });

  it('answers a full waitlist with 409, an unknown learner with 422 and an unknown session with 404', async () => {
    const session = await createSession(t, { capacity: 1, waitlistLimit: 1 });
    const [a, b, c] = await createLearners(t, 3);
    expect((await book(session.id, a)).body.status).toBe('confirmed');
    expect((await book(session.id, b)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const full = await book(session.id, c);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'WAITLIST_FULL' });
    const unknownLearner = await book(session.id, '00000000-0000-4000-8000-000000000000');
    expect(unknownLearner.status).toBe(422);
    expect(unknownLearner.body.errors[0].field).toBe('learnerId');
    const unknownSession = await book('00000000-0000-4000-8000-000000000000', a);
    expect(unknownSession.status).toBe(404);
    expect(unknownSession.body.code).toBe('SESSION_NOT_FOUND');
  });

  it('closes bookings at the configured cut-off before the start', async () => {
    const session = await createSession(t, {}, 1);
    const learner = await createLearner(t);
    t.clock.advance(86_400_000 - 30 * 60_000); // 30 minutes before the start; the cut-off is 60.
    try {
      const res = await book(session.id, learner);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('BOOKING_CLOSED');
      const zh = await book(session.id, learner).set('Accept-Language', 'zh-CN');
      expect(zh.body.message).toContain('预约已于开始前 60 分钟截止');
    } finally {
      t.clock.set(new Date('2026-12-04T08:00:00Z'));
    }
  });

  it('cancelling a session cancels all its bookings and refuses new ones', async () => {
    const session = await createSession(t, { capacity: 1, waitlistLimit: 5 });
    const learners = await createLearners(t, 3);
    for (const l of learners) await book(session.id, l);
    const res = await t.http().post(`/api/v1/sessions/${session.id}/cancel`).set(AUTH).send({ reason: 'Venue flooded' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', confirmedCount: 0, waitlistCount: 0, cancelReason: 'Venue flooded' });
    const list = (await t.http().get(`/api/v1/sessions/${session.id}/bookings`).set(AUTH)).body;
    expect(list.map((b: { status: string }) => b.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const again = await book(session.id, await createLearner(t));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SESSION_CANCELLED');
  });

  it('raising the capacity promotes waitlisted learners in order', async () => {
    const session = await createSession(t, { capacity: 1, waitlistLimit: 5 });
    const learners = await createLearners(t, 4);
    const bookings: { id: string; status: string }[] = [];
    for (const l of learners) bookings.push((await book(session.id, l)).body);
    const res = await t.http().patch(`/api/v1/sessions/${session.id}`).set(AUTH).send({ capacity: 3 });
    expect(res.body).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistCount: 1, revision: 1 });
    const lower = await t.http().patch(`/api/v1/sessions/${session.id}`).set(AUTH).send({ capacity: 2 });
    expect(lower.status).toBe(422);
    expect(lower.body.errors[0].field).toBe('capacity');
    const list = (await t.http().get(`/api/v1/sessions/${session.id}/bookings`).set(AUTH)).body;
    expect(list.find((x: { id: string }) => x.id === bookings[3].id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('records attendance and feedback, and only for attended bookings', async () => {
    const session = await createSession(t, {}, 1);
    const [a, b] = await createLearners(t, 2);
    const booking = (await book(session.id, a)).body;
    const early = await t.http().post(`/api/v1/sessions/${session.id}/attendance`).set(AUTH).send({ learnerId: a, status: 'present' });
    expect(early.status).toBe(409);
    const tooEarlyFeedback = await t.http().post(`/api/v1/bookings/${booking.id}/feedback`).set(AUTH).send({ rating: 5 });
    expect(tooEarlyFeedback.status).toBe(409);
    t.clock.advance(86_400_000 + 10 * 60_000);
    try {
      const present = await t.http().post(`/api/v1/sessions/${session.id}/attendance`).set(AUTH).send({ learnerId: a, status: 'present' });
      expect(present.status).toBe(201);
      const notBooked = await t.http().post(`/api/v1/sessions/${session.id}/attendance`).set(AUTH).send({ learnerId: b, status: 'present' });
      expect(notBooked.status).toBe(422);
      const bad = await t.http().post(`/api/v1/bookings/${booking.id}/feedback`).set(AUTH).send({ rating: 6, comment: 3 });
      expect(bad.status).toBe(400);
      expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['comment', 'rating']);
      const ok = await t.http().post(`/api/v1/bookings/${booking.id}/feedback`).set(AUTH).send({ rating: 5, comment: 'Great lab' });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ rating: 5, comment: 'Great lab' });
      const list = (await t.http().get(`/api/v1/sessions/${session.id}/bookings`).set(AUTH)).body;
      expect(list[0].status).toBe('attended');
    } finally {
      t.clock.set(new Date('2026-12-04T08:00:00Z'));
    }
  });
});
