import { describe, expect, it } from "vitest";
import { activityBody, ambassadorBody, ambassadorDraftOf, consentText, emptyActivity, emptyAmbassador, emptyTraining, linkedFicheIds, measurePeriod, parseCount, periodQuery, toggle, totalOf, trainingBody } from "./drafts";

const AREA = "0b9c3a52-6f1e-4d3a-9b1c-1a2b3c4d5e6f";

describe("the period", () => {
  it("puts only the ends given in the address", () => {
    expect(periodQuery({ from: "", to: "" })).toBe("");
    expect(periodQuery({ from: "2022-01-01", to: "" })).toBe("?from=2022-01-01");
    expect(periodQuery({ from: "2022-01-01", to: "2022-12-31" })).toBe("?from=2022-01-01&to=2022-12-31");
  });

  it("measures the page's period, or this year until today", () => {
    expect(measurePeriod({ from: "", to: "" }, "2024-05-02")).toEqual({ from: "2024-01-01", to: "2024-05-02" });
    expect(measurePeriod({ from: "2022-01-01", to: "2022-12-31" }, "2024-05-02")).toEqual({ from: "2022-01-01", to: "2022-12-31" });
  });
});

describe("consent and numbers", () => {
  it("shows the retention chosen in the consent, and an ellipsis while it is not a number", () => {
    const consent = { template: "Effacées {retentionMonths} mois après le départ.", token: "{retentionMonths}" };
    expect(consentText(consent, "18")).toBe("Effacées 18 mois après le départ.");
    expect(consentText(consent, "dix")).toBe("Effacées … mois après le départ.");
  });

  it("reads whole numbers typed in French", () => {
    expect(parseCount(" 1 200 ")).toBe(1200);
    expect(parseCount("0")).toBe(0);
    expect(parseCount("-3")).toBeNull();
    expect(parseCount("2,5")).toBeNull();
    expect(parseCount("")).toBeNull();
  });
});

describe("an ambassador's form", () => {
  const filled = { ...emptyAmbassador(AREA), firstName: " Fatou ", lastName: "D.", joinedOn: "2022-01-15", consent: true };

  it("needs the consent of a new person, not of a change", () => {
    expect(ambassadorBody({ ...filled, consent: false }, true)).toEqual({ errors: { consent: expect.stringMatching(/^Cochez la case d'accord/) } });
    expect(ambassadorBody({ ...filled, consent: false }, false)).toHaveProperty("body");
  });

  it("sends trimmed fields, no departure as null, the retention as a number", () => {
    const result = ambassadorBody({ ...filled, retentionMonths: "24" }, true);
    expect(result.body).toMatchObject({ firstName: "Fatou", leftOn: null, retentionMonths: 24, consent: true });
  });

  it("says what is missing or wrong before sending", () => {
    const result = ambassadorBody({ ...emptyAmbassador(), joinedOn: "2022-06-01", leftOn: "2022-05-01", retentionMonths: "40" }, false);
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(["firstName", "lastName", "leftOn", "priorityAreaId", "retentionMonths"]);
  });

  it("starts a change from what was read", () => {
    const draft = ambassadorDraftOf({ priorityAreaId: AREA, firstName: "Linda", lastName: "B.", email: "", phone: "", joinedOn: "2022-01-17", leftOn: null, retentionMonths: 6, notes: "" });
    expect(draft).toMatchObject({ leftOn: "", retentionMonths: "6", consent: true });
  });
});

describe("trainings and activities", () => {
  it("needs a training's date and topic, and sends no meeting as null", () => {
    expect(Object.keys(trainingBody(emptyTraining()).errors ?? {})).toEqual(["heldOn", "topic"]);
    expect(trainingBody({ ...emptyTraining(), heldOn: "2022-02-08", topic: " Nutrition " }).body).toMatchObject({ topic: "Nutrition", meetingId: null });
  });

  it("needs an activity's date, place, known kind and a whole number of residents", () => {
    const kinds = ["info_stand", "other"] as const;
    expect(Object.keys(activityBody({ ...emptyActivity(), residentsReached: "1,5" }, kinds).errors ?? {}).sort()).toEqual(["heldOn", "kind", "place", "residentsReached"]);
    const ok = activityBody({ ...emptyActivity(), heldOn: "2022-03-19", place: "Marché", kind: "info_stand", residentsReached: "45" }, kinds);
    expect(ok.body).toMatchObject({ kind: "info_stand", residentsReached: 45, priorityAreaId: null });
  });

  it("lists the fiches linked once each, and toggles a choice in the list's order", () => {
    expect(linkedFicheIds([{ actionIds: ["b", "a"] }, { actionIds: ["a", "c"] }])).toEqual(["b", "a", "c"]);
    expect(toggle(["c"], "a", true, ["a", "b", "c"])).toEqual(["a", "c"]);
    expect(toggle(["a", "c"], "a", false, ["a", "b", "c"])).toEqual(["c"]);
  });
});

describe("measures", () => {
  it("reads the total each measure records", () => {
    const totals = { activeAmbassadors: 4, trainedAmbassadors: 3, trainings: 2, activities: 5, residentsReached: 250 };
    expect([totalOf("active_ambassadors", totals), totalOf("people_trained", totals), totalOf("trainings", totals), totalOf("activities", totals), totalOf("residents_reached", totals)]).toEqual([4, 3, 2, 5, 250]);
  });
});
