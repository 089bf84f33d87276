import { describe, expect, it } from "vitest";
import { surveyNews, workshopNews, type ReviewSurvey, type ReviewWorkshop } from "./participation-news.js";

const Q4 = { start: "2021-10-01", end: "2021-12-31" };
const Q3 = { start: "2021-07-01", end: "2021-09-30" };

const workshop = (over: Partial<ReviewWorkshop> = {}): ReviewWorkshop => ({
  id: "w1",
  title: "Atelier des habitants",
  callPublishedOn: "2021-10-04",
  deadline: "2021-10-22",
  registered: 18,
  sessions: [
    { id: "s1", startsAt: new Date("2021-11-04T17:30:00Z"), place: "Maison des associations", present: 16 },
    { id: "s2", startsAt: new Date("2021-11-18T17:30:00Z"), place: "", present: 0 },
  ],
  topics: [
    { id: "t1", title: "Accès aux soins", actionNumbers: [5, 2] },
    { id: "t2", title: "Santé mentale", actionNumbers: [] },
  ],
  syntheses: [
    { topicId: "t1", text: "Les habitants demandent des permanences le samedi." },
    { topicId: "t2", text: "  " },
  ],
  ...over,
});

describe("the workshops in the review's participation section", () => {
  it("tell the call, the sessions held with who came, and the syntheses with their fiches, in French", () => {
    const { html, workshopIds } = workshopNews([workshop()], Q4);
    expect(workshopIds).toEqual(["w1"]);
    expect(html).toContain("<h3>Atelier des habitants</h3>");
    expect(html).toContain("Un appel à participation a été publié le 4 octobre 2021, avec des inscriptions ouvertes jusqu'au 22 octobre 2021 : 18 habitants inscrits.");
    expect(html).toContain("Séance du 4 novembre 2021 (Maison des associations) : 16 participants présents.");
    expect(html).toContain("<p>Séance du 18 novembre 2021.</p>");
    expect(html).toContain("<li><strong>Accès aux soins</strong> (FA 5 et FA 2) : Les habitants demandent des permanences le samedi.</li>");
    // A blank synthesis says nothing.
    expect(html).not.toContain("Santé mentale");
  });

  it("leave out a workshop that did not move in the quarter, and keep syntheses until it has met", () => {
    expect(workshopNews([workshop({ callPublishedOn: "2021-06-01", sessions: [] })], Q4)).toEqual({ html: "", workshopIds: [] });
    const before = workshopNews([workshop({ callPublishedOn: "2021-09-20" })], Q3);
    expect(before.workshopIds).toEqual(["w1"]);
    expect(before.html).toContain("publié le 20 septembre 2021");
    expect(before.html).not.toContain("Séance");
    expect(before.html).not.toContain("Ce que les habitants ont dit");
  });

  it("tell as next steps the call and the sessions planned in the next three months, the month said once", () => {
    const { html, workshopIds } = workshopNews([workshop()], Q3);
    expect(workshopIds).toEqual(["w1"]);
    expect(html).toContain("<p>L'appel à participation des habitants sera publié le 4 octobre 2021, avec des inscriptions ouvertes jusqu'au 22 octobre 2021.</p>");
    expect(html).toContain("<p>Les séances sont prévues les 4 et 18 novembre 2021.</p>");
    expect(html).not.toContain("Ce que les habitants ont dit");
    const one = workshopNews([workshop({ callPublishedOn: "2021-09-20", sessions: [workshop().sessions[0]!] })], Q3).html;
    expect(one).toContain("publié le 20 septembre 2021");
    expect(one).toContain("<p>La séance est prévue le 4 novembre 2021.</p>");
    // Beyond three months, it is not news yet.
    expect(workshopNews([workshop()], { start: "2021-04-01", end: "2021-06-30" })).toEqual({ html: "", workshopIds: [] });
  });

  it("escape what the coordinator typed, and agree « inscrit » in number", () => {
    const { html } = workshopNews([workshop({ title: "<b>Atelier</b>", registered: 1, syntheses: [{ topicId: "t1", text: "a < b & c" }] })], Q4);
    expect(html).toContain("&lt;b&gt;Atelier&lt;/b&gt;");
    expect(html).toContain(": 1 habitant inscrit.");
    expect(html).toContain("a &lt; b &amp; c");
  });
});

describe("surveyNews", () => {
  const survey = (over: Partial<ReviewSurvey> = {}): ReviewSurvey => ({
    id: "s1",
    title: "Rencontres de la Santé",
    opensOn: "2021-06-30",
    closesOn: "2021-06-30",
    total: 17,
    actionNumbers: [6],
    summary: "Le sondage a été complété par 17 personnes.",
    highlights: ["Priorités exprimées : 1. Jeunes, 2. Personnes âgées, 3. Bien-être."],
    ...over,
  });

  it("reports a survey closed in the quarter before (the CAMVS Q3 2021 review reports the survey of 30 June), with its fiche and priorities", () => {
    const news = surveyNews([survey()], Q3);
    expect(news.surveyIds).toEqual(["s1"]);
    expect(news.html).toBe(
      "<h3>Rencontres de la Santé</h3><p>Sondage mené le 30 juin 2021 (FA 6). Le sondage a été complété par 17 personnes.</p><ul><li>Priorités exprimées : 1. Jeunes, 2. Personnes âgées, 3. Bien-être.</li></ul>",
    );
  });

  it("leaves out surveys without answers, closed too long ago or not yet closed, and escapes titles", () => {
    expect(surveyNews([survey({ total: 0 }), survey({ closesOn: "2021-03-31" }), survey({ closesOn: "2021-10-15" })], Q3).surveyIds).toEqual([]);
    const spanned = surveyNews([survey({ title: "<Sondage>", opensOn: "2021-09-01", closesOn: "2021-09-30", actionNumbers: [], highlights: [] })], Q3).html;
    expect(spanned).toBe("<h3>&lt;Sondage&gt;</h3><p>Sondage mené du 1er septembre 2021 au 30 septembre 2021. Le sondage a été complété par 17 personnes.</p>");
  });
});
