/** The API types derived from the OpenAPI document are real types, not `never` (which would accept anything): checked by tsc. */
import { describe, expectTypeOf, it } from "vitest";
import type { Account, HistoryPage, Invitation, Members, PublicContract, Session } from "./accounts";
import type { Adjustment, FicheLink, Indicator, MeetingSummary, Milestone, ProgressEntry, Remark, RemainingItem } from "./followup";
import type { Body, BodyMember, GovernanceAlert, Meeting } from "./governance";
import type { JobView } from "./jobs";
import type { CotechRow, Dashboard, Timeline } from "./overview";
import type { Action, ActionItem, ActionList, Contract, ContractPage } from "./queries";
import type { Evaluation, MyAnswers } from "./reports";
import type { Preferences, PublishedVersion, ReviewList, ReviewView } from "./reviews";

describe("the web's API types", () => {
  it("come from the routes' declared answers", () => {
    expectTypeOf<Contract["permissions"]["update"]>().toEqualTypeOf<boolean>();
    expectTypeOf<Contract["createdAt"]>().toEqualTypeOf<string>();
    expectTypeOf<ContractPage["total"]>().toEqualTypeOf<number>();
    expectTypeOf<Action["mergedFrom"]>().toEqualTypeOf<FicheLink[]>();
    expectTypeOf<ActionItem["shownStatus"]>().toEqualTypeOf<"not_started" | "in_progress" | "late" | "done" | "abandoned" | "merged">();
    expectTypeOf<ActionList["facets"]["leads"]>().not.toBeNever();
    expectTypeOf<JobView["state"]>().toEqualTypeOf<"queued" | "running" | "done" | "failed">();
    expectTypeOf<Dashboard["nextMeetings"][number]["startsAt"]>().toEqualTypeOf<string>();
    expectTypeOf<Timeline["rows"]>().not.toBeNever();
    expectTypeOf<CotechRow["permissions"]["update"]>().toEqualTypeOf<boolean>();
    expectTypeOf<Evaluation["permissions"]["manage"]>().toEqualTypeOf<boolean>();
    expectTypeOf<MyAnswers["contractName"]>().toEqualTypeOf<string>();
    expectTypeOf<Account>().not.toBeNever();
    expectTypeOf<HistoryPage>().not.toBeNever();
    expectTypeOf<Invitation>().not.toBeNever();
    expectTypeOf<Members>().not.toBeNever();
    expectTypeOf<PublicContract>().not.toBeNever();
    expectTypeOf<Session>().not.toBeNever();
    expectTypeOf<Adjustment>().not.toBeNever();
    expectTypeOf<Indicator>().not.toBeNever();
    expectTypeOf<MeetingSummary>().not.toBeNever();
    expectTypeOf<Milestone>().not.toBeNever();
    expectTypeOf<ProgressEntry>().not.toBeNever();
    expectTypeOf<Remark>().not.toBeNever();
    expectTypeOf<RemainingItem>().not.toBeNever();
    expectTypeOf<Body>().not.toBeNever();
    expectTypeOf<BodyMember>().not.toBeNever();
    expectTypeOf<GovernanceAlert>().not.toBeNever();
    expectTypeOf<Meeting>().not.toBeNever();
    expectTypeOf<ReviewList>().not.toBeNever();
    expectTypeOf<ReviewView>().not.toBeNever();
    expectTypeOf<PublishedVersion>().not.toBeNever();
    expectTypeOf<Preferences>().not.toBeNever();
  });
});
