/** Invitations and calendars of meetings (issue 5). */
import { expect } from "vitest";
import { meetingParticipants } from "../../../db/schema.js";
import { everyone, type Cases, type Fixture, freshMeeting, json, managers, readers } from "../support.js";

/** A fresh CAMVS meeting with one invited participant, so that an invitation can go. */
async function invitableMeeting(f: Fixture): Promise<string> {
  const m = await freshMeeting(f);
  await f.ctx.database.db.insert(meetingParticipants).values({ meetingId: m.id, name: "Invité de test", email: "invite.reunion@test.fr", invited: true });
  return m.id;
}

const feedPath = async (f: Fixture) => new URL((await json<{ url: string }>(f.admin, `/api/contracts/${f.ids.camvs}/calendar-feed`)).url).pathname;

export const calendarCases: Cases = {
  "POST /api/meetings/:meetingId/invitations": [{ call: async (f) => ({ url: `/api/meetings/${await invitableMeeting(f)}/invitations` }), expect: managers }],
  "POST /api/meetings/:meetingId/cancel": [{ call: async (f) => ({ url: `/api/meetings/${await invitableMeeting(f)}/cancel` }), expect: managers }],
  "GET /api/meetings/:meetingId/ics": [{ call: async (f) => ({ url: `/api/meetings/${(await freshMeeting(f)).id}/ics` }), expect: readers }],
  "GET /api/contracts/:contractId/calendar-feed": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/calendar-feed` }), expect: readers }],
  "POST /api/contracts/:contractId/calendar-feed/reset": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/calendar-feed/reset` }), expect: managers }],
  // The secret address is the only key: anyone holding it reads the feed, no one without it.
  "GET /api/calendar/:token.ics": [
    { call: async (f) => ({ url: await feedPath(f) }), expect: everyone("ok"), check: (res) => expect(res.body).toMatch(/^BEGIN:VCALENDAR/) },
    { call: () => ({ url: "/api/calendar/jeton-inconnu-de-test.ics" }), expect: everyone(404), reason: /^Cet agenda est introuvable/ },
  ],
};
