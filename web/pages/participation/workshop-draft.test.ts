import { describe, expect, it } from "vitest";
import { emptyWorkshopDraft, validateWorkshop, workshopErrorLabel, workshopPayload, type WorkshopDraft } from "./workshop-draft";

const BODY = "5b0c9a54-3c8e-4c55-9a57-3e3c7f1f3a11";
const FICHE = "0e6d3b7a-1d2c-4f5e-8a9b-0c1d2e3f4a5b";

const filled = (): WorkshopDraft => ({
  ...emptyWorkshopDraft(BODY),
  title: "Atelier des habitants (illustratif)",
  deadline: "2021-10-22",
  moderators: [{ name: " Nadia ", userId: null }, { name: "", userId: null }, { name: "", userId: null }],
  topics: [{ title: "Accès aux soins", questions: "Où vous soignez-vous ?\n\n  Qu'est-ce qui manque ?  ", actionIds: [FICHE] }],
  sessions: [{ date: "2021-11-04", startTime: "18:00", endTime: "21:00", place: "Maison des habitants", roundMinutes: "25" }],
});

describe("workshopPayload", () => {
  it("turns the form into the API's body: numbers, Paris times with their offset, one question per line, moderators in table order", () => {
    const body = workshopPayload(filled());
    expect(body).toMatchObject({ capacity: 18, maxPerTable: 6, tableCount: 3, retentionMonths: 12, deadline: "2021-10-22" });
    expect(body.moderators).toEqual([{ name: "Nadia", userId: null }]);
    expect(body.topics[0]!.questions).toEqual(["Où vous soignez-vous ?", "Qu'est-ce qui manque ?"]);
    // 4 November 2021 is winter time in Paris (UTC+1).
    expect(body.sessions[0]).toMatchObject({ startsAt: "2021-11-04T18:00:00+01:00", endsAt: "2021-11-04T21:00:00+01:00", roundMinutes: 25 });
  });

  it("keeps ids of existing topics and sessions, and drops moderators past the table count", () => {
    const d = filled();
    d.topics[0]!.id = FICHE;
    d.sessions[0]!.id = BODY;
    d.tableCount = "1";
    d.moderators = [{ name: "Nadia", userId: null }, { name: "Paul", userId: null }];
    const body = workshopPayload(d);
    expect(body.topics[0]!.id).toBe(FICHE);
    expect(body.sessions[0]!.id).toBe(BODY);
    expect(body.moderators).toEqual([{ name: "Nadia", userId: null }]);
  });
});

describe("validateWorkshop", () => {
  it("accepts a complete workshop", () => {
    const verdict = validateWorkshop(filled());
    expect(verdict.errors).toBeUndefined();
    expect(verdict.body?.title).toBe("Atelier des habitants (illustratif)");
  });

  it("says what is missing in words, by field, a session without its day once", () => {
    const d = { ...filled(), deadline: "", capacity: "", sessions: [{ date: "", startTime: "18:00", endTime: "21:00", place: "Salle", roundMinutes: "25" }] };
    const { errors } = validateWorkshop(d);
    expect(errors).toMatchObject({ deadline: "Indiquez la date limite d'inscription.", capacity: "Indiquez le nombre de places.", "sessions.0.date": "Indiquez la date de la séance." });
    expect(errors).not.toHaveProperty("sessions.0.startsAt");
  });

  it("refuses more places than the tables seat, and a moderator between two empty tables", () => {
    const d = { ...filled(), capacity: "20", moderators: [{ name: "", userId: null }, { name: "Paul", userId: null }] };
    const { errors } = validateWorkshop(d);
    expect(errors?.capacity).toBe("3 tables de 6 personnes ne peuvent accueillir que 18 personnes.");
    expect(errors?.["moderators.0.name"]).toContain("obligatoire");
  });
});

describe("the workshop form's error summary", () => {
  it("names a field by its visible label, with its entry when the label does not say it", () => {
    expect(workshopErrorLabel("title")).toBe("Titre");
    expect(workshopErrorLabel("maxPerTable")).toBe("Personnes par table, au plus");
    expect(workshopErrorLabel("retentionMonths")).toBe("Conservation des données (mois)");
    expect(workshopErrorLabel("moderators.1.name")).toBe("Animateur ou animatrice de la table 2");
    expect(workshopErrorLabel("topics.0.title")).toBe("Thème 1");
    expect(workshopErrorLabel("topics.2.questions.1")).toBe("Questions pour les tables (thème 3)");
    expect(workshopErrorLabel("sessions.0.date")).toBe("Date de la séance 1");
    expect(workshopErrorLabel("sessions.1.place")).toBe("Lieu (séance 2)");
    expect(workshopErrorLabel("sessions.1")).toBe("Séance 2");
    expect(workshopErrorLabel("sessions")).toBe("Séances");
  });
});
