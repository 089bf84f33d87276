/** What the coordination's views answer: COTECH table and its own rows, dashboard, timeline. */
import { z } from "zod";
import { SHOWN_STATUSES } from "../../domain/shown-status.js";
import { ficheRef, keyEnum } from "../../http/responses.js";
import { governanceAlertsOut } from "../governance/schema-out.js";
import { SECTIONS } from "./follow-up-items.js";

const shownStatus = keyEnum(SHOWN_STATUSES);
const ficheShown = ficheRef.extend({ shownStatus, shownStatusLabel: z.string() });

/** A transversal or process row of the COTECH table, as stored. */
export const followUpItemOut = z.object({
  id: z.string(),
  contractId: z.string(),
  year: z.number(),
  section: keyEnum(SECTIONS),
  title: z.string(),
  adjustments: z.string(),
  position: z.number(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const tableItem = followUpItemOut.pick({ id: true, section: true, title: true, adjustments: true, position: true, version: true });
/** `computed`: on the process row about referents, how many communes have both (« 9 communes sur 20 ont leurs deux référents (technique et élu) »); null elsewhere. */
const computedItem = tableItem.extend({ computed: z.string().nullable() });

export const cotechRowOut = z.object({
  action: ficheShown,
  permissions: z.object({ update: z.boolean() }),
  objectives: z.string(),
  criteria: z.array(z.string()),
  planned: z.array(z.object({ id: z.string(), title: z.string(), label: z.string(), overdue: z.boolean() })),
  progress: z.array(z.object({ id: z.string(), happenedOn: z.string(), happenedOnPrecision: z.enum(["day", "month"]), text: z.string() })),
  remaining: z.array(z.object({ id: z.string(), text: z.string(), doneOn: z.string().nullable() })),
  adjustments: z.array(z.object({ id: z.string(), kindLabel: z.string(), description: z.string(), statusLabel: z.string() })),
});

export const cotechTableOut = z.object({
  contractName: z.string(),
  year: z.number(),
  years: z.array(z.number()),
  axes: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      title: z.string(),
      objectives: z.array(z.object({ id: z.string().nullable(), code: z.string(), title: z.string(), rows: z.array(cotechRowOut) })),
    }),
  ),
  transversal: z.array(computedItem),
  process: z.array(computedItem),
  /** The same line when no process row speaks of referents (the table adds it as a row of its own). */
  referentsLine: z.string().nullable(),
  permissions: z.object({ manage: z.boolean() }),
});

const statusCounts = z.object(Object.fromEntries(Object.keys(SHOWN_STATUSES).map((k) => [k, z.number()])) as Record<keyof typeof SHOWN_STATUSES, z.ZodNumber>);

export const dashboardOut = z.object({
  statusByAxis: z.array(z.object({ axisId: z.string(), number: z.number(), title: z.string(), counts: statusCounts, total: z.number() })),
  statusLabels: z.object(Object.fromEntries(Object.keys(SHOWN_STATUSES).map((k) => [k, z.string()])) as Record<keyof typeof SHOWN_STATUSES, z.ZodString>),
  lateMilestones: z.array(z.object({ id: z.string(), title: z.string(), plannedBy: z.string(), label: z.string(), action: ficheRef })),
  indicators: z.object({
    measured: z.number(),
    stale: z.number(),
    notMeasured: z.number(),
    items: z.array(
      z.object({ id: z.string(), label: z.string(), action: z.object({ id: z.string(), number: z.number() }), lastMeasuredOn: z.string().nullable(), stale: z.boolean() }),
    ),
  }),
  nextMeetings: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.date(), bodyName: z.string() })),
  alerts: governanceAlertsOut.shape.items,
  activity: z.array(z.object({ at: z.date(), text: z.string(), link: z.object({ kind: z.enum(["action", "meeting"]), id: z.string() }) })),
});

export const timelineOut = z.object({
  start: z.string(),
  end: z.string(),
  today: z.string(),
  rows: z.array(
    z.object({
      action: ficheShown,
      axisNumber: z.number(),
      axisTitle: z.string(),
      startMonth: z.string().nullable(),
      endMonth: z.string().nullable(),
      milestones: z.array(
        z.object({ id: z.string(), title: z.string(), plannedBy: z.string(), originallyBy: z.string(), doneOn: z.string().nullable(), doneOnPrecision: z.enum(["day", "month"]), label: z.string(), overdue: z.boolean() }),
      ),
    }),
  ),
});
