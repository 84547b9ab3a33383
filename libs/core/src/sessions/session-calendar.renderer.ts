import ical, { ICalEventStatus } from 'ical-generator';
import type { Venue } from '../venues/venue.entity';
import type { OfflineSession } from './offline-session.entity';

/** One session as an RFC 5545 calendar; the UID is stable and SEQUENCE follows the session's revision. */
export function renderSessionCalendar(session: OfflineSession, venue: Venue | null, publicUrl: string): string {
  const calendar = ical({ prodId: { company: 'o2o-bridge', product: 'offline-sessions', language: 'EN' }, name: session.title });
  calendar.createEvent({
    id: `${session.id}@o2o-bridge`,
    sequence: session.revision,
    start: session.startsAt,
    end: session.endsAt,
    stamp: session.updatedAt,
    summary: session.title,
    description: [session.description, session.instructorName ? `Instructor / 讲师: ${session.instructorName}` : '']
      .filter(Boolean)
      .join('\n'),
    location: venue ? [venue.name, venue.address, venue.city].filter(Boolean).join(', ') : session.city,
    url: `${publicUrl}/api/v1/sessions/${session.id}`,
    status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    x: [{ key: 'X-O2O-TIMEZONE', value: session.timeZone }],
  });
  return calendar.toString();
}
