/**
 * The national dataset in SQL: every row computed from `generate_series`, ids from
 * md5 of a stable key, so that two builds give the same data (ids, names, dates).
 * pg_temp.bench_id(key) is md5(key) shaped as a version 4 UUID (created by bench/data/national.ts).
 * Contract c (1..CONTRACTS) lies in the département DEPARTMENTS[(c - 1) % n]: the
 * first is 77, so contract 1 (the bench's contract) is seen by the ARS users of
 * département 77 and of region Île-de-France.
 */
import { REGIONS } from "../../server/domain/roles.js";
import { DETERMINANTS } from "../../server/domain/vocabulary.js";

export const CONTRACTS = 700;
export const FICHES_PER_CONTRACT = 30;
export const MEETINGS = 100_000;
export const MEASUREMENTS = 500_000;
export const COMMUNES_PER_CONTRACT = 8;
export const ORGS_PER_CONTRACT = 12;
export const AXES_PER_CONTRACT = 4;
export const BODIES = ["copil", "cotech", "thematic", "working_group", "residents"] as const;
const INDICATORS_PER_FICHE = 2;
const INDICATORS = CONTRACTS * FICHES_PER_CONTRACT * INDICATORS_PER_FICHE;

/** Every département, 77 first. */
export const DEPARTMENTS = ["77", ...Object.values(REGIONS).flatMap((r) => r.departments).filter((d) => d !== "77")];
const deptArray = `array[${DEPARTMENTS.map((d) => `'${d}'`).join(",")}]::text[]`;
const NDEPT = DEPARTMENTS.length;
const determinantArray = `array[${DETERMINANTS.map((d) => `'${d.replace(/'/g, "''")}'`).join(",")}]::text[]`;

/** Fixed creation time: the data must not depend on the day it is built. */
const T0 = `timestamptz '2024-01-15 09:00:00+01'`;

// Stable ids of the rows other rows point to.
const contractId = (c: string) => `pg_temp.bench_id('c-' || ${c})::uuid`;
const orgId = (c: string, k: string) => `pg_temp.bench_id('o-' || ${c} || '-' || ${k})::uuid`;
const axisId = (c: string, a: string) => `pg_temp.bench_id('ax-' || ${c} || '-' || ${a})::uuid`;
const objectiveId = (c: string, a: string, k: string) => `pg_temp.bench_id('ob-' || ${c} || '-' || ${a} || '-' || ${k})::uuid`;
const actionId = (c: string, n: string) => `pg_temp.bench_id('a-' || ${c} || '-' || ${n})::uuid`;
const indicatorId = (c: string, n: string, k: string) => `pg_temp.bench_id('i-' || ${c} || '-' || ${n} || '-' || ${k})::uuid`;
const bodyId = (c: string, b: string) => `pg_temp.bench_id('b-' || ${c} || '-' || ${b})::uuid`;
const meetingId = (i: string) => `pg_temp.bench_id('m-' || ${i})::uuid`;
export const userId = {
  coordinator: (c: string) => `pg_temp.bench_id('u-coord-' || ${c})`,
  lead: (c: string, j: string) => `pg_temp.bench_id('u-lead-' || ${c} || '-' || ${j})`,
  partner: (c: string, j: string) => `pg_temp.bench_id('u-partner-' || ${c} || '-' || ${j})`,
};
/** Axis (1..4) and objective (0..2) of fiche n (1..30). */
const axisOf = (n: string) => `(1 + (${n} - 1) / 8)`;
const objectiveOf = (n: string) => `((${n} - 1) % 3)`;
/** The fiches of a contract are led by 3 leads: lead j (1..3) leads n where (n - 1) % 3 = j - 1. */
const leadOf = (n: string) => `(1 + (${n} - 1) % 3)`;
/** Partners per contract: 2 for the first 497 contracts, 1 for the others (4,000 accounts in all). */
const partnersOf = (c: string) => `(case when ${c} <= 497 then 2 else 1 end)`;

const TEXT =
  "Le groupe de travail a réuni les référents des communes, les centres de santé et les associations partenaires ; il a fait le point sur le déploiement de l''action, ses difficultés de recrutement et le calendrier des prochaines étapes.";

/** Bench accounts' e-mail addresses (all with BENCH_PASSWORD). */
export const pad3 = (c: number) => String(c).padStart(3, "0");
export const benchEmails = {
  admin: "admin@bench.cles.test",
  arsDepartment: "ars-77@bench.cles.test",
  arsRegion: "ars-idf@bench.cles.test",
  coordinator: (c: number) => `coordination-${pad3(c)}@bench.cles.test`,
  lead: (c: number, j: number) => `pilote-${pad3(c)}-${j}@bench.cles.test`,
  partner: (c: number, j: number) => `partenaire-${pad3(c)}-${j}@bench.cles.test`,
};

/** The steps, in order; `$1` of the accounts step is the password hash. */
export const STEPS: { label: string; sql: string; params?: "hash" }[] = [
  {
    label: "contracts",
    sql: `insert into contracts (id, slug, name, local_authority, start_date, end_date, status, summary, created_at, updated_at)
      select ${contractId("c")}, 'cls-' || lpad(c::text, 3, '0') || '-' || lower((${deptArray})[1 + (c - 1) % ${NDEPT}]),
        'CLS n° ' || c || ' (' || (${deptArray})[1 + (c - 1) % ${NDEPT}] || ')', 'Communauté de communes n° ' || c,
        date '2019-01-01' + ((c * 37) % 1800), date '2019-01-01' + ((c * 37) % 1800) + 1825,
        (array['running','running','running','running','running','running','signed','draft','under_evaluation','closed'])[1 + c % 10],
        'Contrat local de santé du territoire n° ' || c || '.', ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c`,
  },
  {
    label: "users",
    sql: `insert into users (id, name, email, email_verified, is_admin, created_at, updated_at)
      select id, name, email, true, is_admin, ${T0}, ${T0} from (
        select pg_temp.bench_id('u-admin') as id, 'Administration nationale' as name, '${benchEmails.admin}' as email, true as is_admin
        union all select pg_temp.bench_id('u-ars-77'), 'ARS délégation 77', '${benchEmails.arsDepartment}', false
        union all select pg_temp.bench_id('u-ars-11'), 'ARS Île-de-France', '${benchEmails.arsRegion}', false
        union all select ${userId.coordinator("c")}, 'Coordination ' || c, 'coordination-' || lpad(c::text, 3, '0') || '@bench.cles.test', false from generate_series(1, ${CONTRACTS}) c
        union all select ${userId.lead("c", "j")}, 'Pilote ' || c || '-' || j, 'pilote-' || lpad(c::text, 3, '0') || '-' || j || '@bench.cles.test', false
          from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, 3) j
        union all select ${userId.partner("c", "j")}, 'Partenaire ' || c || '-' || j, 'partenaire-' || lpad(c::text, 3, '0') || '-' || j || '@bench.cles.test', false
          from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, 2) j where j <= ${partnersOf("c")}
      ) u`,
  },
  {
    label: "credentials",
    params: "hash",
    sql: `insert into accounts (id, account_id, provider_id, user_id, password, created_at, updated_at)
      select pg_temp.bench_id('acc-' || id), id, 'credential', id, $1, ${T0}, ${T0} from users`,
  },
  {
    label: "communes",
    sql: `insert into communes (id, contract_id, insee_code, name, population, position)
      select pg_temp.bench_id('co-' || c || '-' || k)::uuid, ${contractId("c")}, d || lpad((((c - 1) / ${NDEPT}) * ${COMMUNES_PER_CONTRACT} + k)::text, case when d like '97%' then 2 else 3 end, '0'),
        'Commune ' || c || '-' || k, 800 + ((c * 7919 + k * 104729) % 60000), k
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(0, ${COMMUNES_PER_CONTRACT - 1}) k
        cross join lateral (select (${deptArray})[1 + (c - 1) % ${NDEPT}] as d) dd`,
  },
  {
    label: "priority areas",
    sql: `insert into priority_areas (id, contract_id, name, code, position)
      select pg_temp.bench_id('pa-' || c || '-' || k)::uuid, ${contractId("c")}, 'Quartier prioritaire ' || k, 'QN' || lpad((c * 10 + k)::text, 6, '0'), k
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(0, 1) k`,
  },
  {
    label: "organisations",
    sql: `insert into organisations (id, contract_id, name, short_name, sector, created_at, updated_at)
      select ${orgId("c", "k")}, ${contractId("c")},
        (array['Agence régionale de santé','Caisse primaire d''assurance maladie','Conseil départemental','Centre communal d''action sociale','Centre hospitalier','Maison de santé pluriprofessionnelle','Mission locale','Éducation nationale','Protection maternelle et infantile','Association d''aide alimentaire','Centre médico-psychologique','Service des sports'])[1 + k] || ' (' || c || ')',
        null, (array['Santé','Santé','Social','Social','Santé','Santé','Social','Éducation','Petite enfance','Social','Santé','Autre'])[1 + k], ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(0, ${ORGS_PER_CONTRACT - 1}) k`,
  },
  {
    label: "signatories",
    sql: `insert into signatories (id, contract_id, organisation_id, representative, title, signed_on, position)
      select pg_temp.bench_id('s-' || c || '-' || k)::uuid, ${contractId("c")}, ${orgId("c", "k")}, 'Signataire ' || k, 'Directeur·rice', date '2019-01-01' + ((c * 37) % 1800) - 10, k
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(0, 3) k`,
  },
  {
    label: "axes",
    sql: `insert into axes (id, contract_id, number, title, description, created_at, updated_at)
      select ${axisId("c", "a")}, ${contractId("c")}, a, (array['Accès aux soins et aux droits','Santé mentale','Prévention et promotion de la santé','Santé environnementale'])[a], '', ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${AXES_PER_CONTRACT}) a`,
  },
  {
    label: "objectives",
    sql: `insert into objectives (id, axis_id, code, title, position, created_at, updated_at)
      select ${objectiveId("c", "a", "k")}, ${axisId("c", "a")}, a || '.' || (k + 1), 'Objectif ' || a || '.' || (k + 1) || ' : renforcer la coordination des acteurs', k, ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${AXES_PER_CONTRACT}) a cross join generate_series(0, 2) k`,
  },
  {
    label: "fiches",
    sql: `insert into actions (id, contract_id, axis_id, objective_id, number, title, status, lead_organisation_id, lead_person, start_month, end_month,
        justification, specific_objective, operational_objectives, description, target_public, place, territory_scope, themes, determinants, prs_projects, created_at, updated_at)
      select ${actionId("c", "n")}, ${contractId("c")}, ${axisId("c", axisOf("n"))}, ${objectiveId("c", axisOf("n"), objectiveOf("n"))}, n,
        (array['Développer l''aller-vers en santé','Structurer un réseau de santé mentale','Prévenir les addictions chez les jeunes','Promouvoir l''activité physique','Améliorer l''accès aux droits','Lutter contre l''habitat indigne'])[1 + n % 6] || ' (' || n || ')',
        (array['in_progress','in_progress','in_progress','in_progress','in_progress','not_started','not_started','done','done','abandoned'])[1 + (n * 7 + c) % 10],
        ${orgId("c", "(n % 12)")}, 'Référent·e ' || n,
        to_char(ct.start_date + (n * 20), 'YYYY-MM'), to_char(ct.start_date + 400 + n * 30, 'YYYY-MM'),
        '${TEXT}', 'Objectif spécifique de la fiche ' || n, '["Mobiliser les partenaires","Informer les habitants"]'::jsonb,
        '<p>${TEXT}</p>', 'Habitants des quartiers prioritaires', 'Territoire du contrat', 'whole',
        jsonb_build_array(jsonb_build_object('theme', (array['Santé mentale','Accès aux soins','Activité physique','Addiction','Vaccination'])[1 + n % 5], 'other', null)),
        jsonb_build_array((${determinantArray})[1 + n % ${DETERMINANTS.length}]),
        case when n % 4 = 0 then '[]'::jsonb else jsonb_build_array((array['1.1','2.3','3.2','4.3','5.1'])[1 + (n + c) % 5]) end, ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${FICHES_PER_CONTRACT}) n
        join contracts ct on ct.id = ${contractId("c")}`,
  },
  {
    // Two lines per fiche, from the first four organisations of its contract (ARS, CPAM, Département, CCAS), granted or asked for (issue 15).
    label: "fiche budgets",
    sql: `insert into action_budgets (id, contract_id, action_id, year, amount, funder_id, status, position)
      select pg_temp.bench_id('bu-' || c || '-' || n || '-' || k)::uuid, ${contractId("c")}, ${actionId("c", "n")}, extract(year from ct.start_date)::int + k,
        1000 * (5 + (c * 31 + n * 17 + k * 7) % 20), ${orgId("c", "((n + k) % 4)")}, (array['secured','requested'])[1 + (n + k) % 2], k
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${FICHES_PER_CONTRACT}) n cross join generate_series(0, 1) k
        join contracts ct on ct.id = ${contractId("c")}`,
  },
  {
    label: "fiche partners",
    sql: `insert into action_partners (id, action_id, organisation_id, person, sector, needs_analysis, resource_mobilisation, implementation, co_steering, position)
      select pg_temp.bench_id('ap-' || c || '-' || n || '-' || k)::uuid, ${actionId("c", "n")}, ${orgId("c", "((n + k + 1) % 12)")}, null, 'Santé', k = 0, true, true, k = 1, k
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${FICHES_PER_CONTRACT}) n cross join generate_series(0, 1) k`,
  },
  {
    label: "indicators",
    sql: `insert into indicators (id, action_id, kind, label, unit, baseline, target, position)
      select ${indicatorId("c", "n", "k")}, ${actionId("c", "n")}, (array['activity','result'])[1 + k],
        (array['Nombre de personnes accompagnées','Part des habitants informés'])[1 + k], (array['personnes','%'])[1 + k], 10 * k, 100 + 50 * k, k
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${FICHES_PER_CONTRACT}) n cross join generate_series(0, ${INDICATORS_PER_FICHE - 1}) k`,
  },
  {
    label: "governance bodies",
    sql: `insert into governance_bodies (id, contract_id, kind, name, axis_id, action_ids, rhythm_kind, rhythm_value, participation, created_at, updated_at)
      select ${bodyId("c", "b")}, ${contractId("c")}, (array[${BODIES.map((b) => `'${b}'`).join(",")}])[b],
        (array['Comité de pilotage','Comité technique','Commission santé mentale','Groupe de travail aller-vers','Atelier d''habitants'])[b],
        case when b = 3 then ${axisId("c", "2")} end,
        case when b = 4 then jsonb_build_array(${actionId("c", "1")}::text, ${actionId("c", "2")}::text, ${actionId("c", "3")}::text) else '[]'::jsonb end,
        case when b <= 2 then 'per_year' end, case when b = 1 then 2 when b = 2 then 4 end, b = 5, ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${BODIES.length}) b`,
  },
  {
    label: "meetings",
    sql: `insert into meetings (id, contract_id, body_id, title, starts_at, ends_at, place, agenda, head_count, minutes, decisions, created_at, updated_at)
      select ${meetingId("i")}, ${contractId("c")}, ${bodyId("c", "(1 + k % 5)")}, 'Réunion n° ' || (k + 1),
        (ct.start_date + k * 12)::timestamp + interval '10 hours', (ct.start_date + k * 12)::timestamp + interval '12 hours',
        'Salle du conseil', jsonb_build_array(jsonb_build_object('title', 'Fiche ' || (1 + k % 30) || ' : état d''avancement', 'durationMinutes', 30, 'presenter', 'Coordination', 'actionIds', jsonb_build_array(${actionId("c", "(1 + k % 30)")}::text))),
        8 + k % 12, case when ct.start_date + k * 12 < date '2026-01-01' then '<p>${TEXT}</p><ul><li>Point sur la fiche ' || (1 + k % 30) || '</li></ul>' else '' end,
        '["Valider le calendrier."]'::jsonb, ${T0}, ${T0}
      from generate_series(1, ${MEETINGS}) i
        cross join lateral (select 1 + (i - 1) % ${CONTRACTS} as c, (i - 1) / ${CONTRACTS} as k) ck
        join contracts ct on ct.id = ${contractId("c")}`,
  },
  {
    label: "meeting participants",
    sql: `insert into meeting_participants (id, meeting_id, user_id, organisation_id, name, email, invited, present, position)
      select pg_temp.bench_id('mp-' || i || '-' || p)::uuid, ${meetingId("i")}, case when p = 0 then ${userId.coordinator("(1 + (i - 1) % " + CONTRACTS + ")")} end,
        case when p = 1 then ${orgId("(1 + (i - 1) % " + CONTRACTS + ")", "(i % 12)")} end, '', '', true, true, p
      from generate_series(1, ${MEETINGS}) i cross join generate_series(0, 1) p`,
  },
  {
    label: "milestones",
    sql: `insert into milestones (id, action_id, title, planned_by, originally_by, owner, done_on, position, created_at, updated_at)
      select pg_temp.bench_id('ms-' || c || '-' || n || '-' || k)::uuid, ${actionId("c", "n")}, 'Étape ' || (k + 1) || ' de la fiche ' || n,
        ct.start_date + n * 20 + k * 60, ct.start_date + n * 20 + k * 60 - case when k = 4 then 90 else 0 end, 'Coordination',
        case when k < 3 and ct.start_date + n * 20 + k * 60 < date '2025-06-01' then ct.start_date + n * 20 + k * 60 - 5 end, k, ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${FICHES_PER_CONTRACT}) n cross join generate_series(0, 5) k
        join contracts ct on ct.id = ${contractId("c")}`,
  },
  {
    label: "progress entries",
    sql: `insert into progress_entries (id, action_id, happened_on, text, meeting_id, author_name, created_at, updated_at)
      select pg_temp.bench_id('pe-' || c || '-' || n || '-' || k)::uuid, ${actionId("c", "n")}, ct.start_date + n * 20 + k * 90, '${TEXT}',
        case when k = 0 then ${meetingId(`(c + ${CONTRACTS} * (n % 100))`)} end, 'Coordination', ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${FICHES_PER_CONTRACT}) n cross join generate_series(0, 3) k
        join contracts ct on ct.id = ${contractId("c")}`,
  },
  {
    label: "remaining items",
    sql: `insert into remaining_items (id, action_id, text, done_on, position, created_at, updated_at)
      select pg_temp.bench_id('ri-' || c || '-' || n || '-' || k)::uuid, ${actionId("c", "n")}, (array['Finaliser le diagnostic.','Organiser la restitution aux habitants.','Recueillir les données des indicateurs.'])[1 + k],
        case when k = 0 then date '2024-06-01' end, k, ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${FICHES_PER_CONTRACT}) n cross join generate_series(0, 2) k`,
  },
  {
    label: "adjustments",
    sql: `insert into adjustments (id, action_id, kind, description, status, agreed_on, author_name, created_at, updated_at)
      select pg_temp.bench_id('ad-' || c || '-' || n)::uuid, ${actionId("c", "n")}, 'reschedule', 'Reporter l''étape 5 au semestre suivant.', (array['proposed','agreed','done'])[1 + n % 3],
        case when n % 3 > 0 then date '2024-03-15' end, 'Coordination', ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${FICHES_PER_CONTRACT}) n`,
  },
  {
    label: "indicator measurements",
    sql: `insert into indicator_measurements (id, indicator_id, action_id, measured_on, value, source, comment, author_name, created_at, updated_at)
      select pg_temp.bench_id('me-' || i)::uuid, ${indicatorId("c", "n", "k")}, ${actionId("c", "n")}, ct.start_date + 30 + r * 120, 10 + 7 * r + (n % 5), 'Tableau de bord de la coordination', '', 'Coordination', ${T0}, ${T0}
      from generate_series(1, ${MEASUREMENTS}) i
        cross join lateral (select (i - 1) % ${INDICATORS} as g, (i - 1) / ${INDICATORS} as r) gr
        cross join lateral (select 1 + g / ${FICHES_PER_CONTRACT * INDICATORS_PER_FICHE} as c, 1 + (g % ${FICHES_PER_CONTRACT * INDICATORS_PER_FICHE}) / ${INDICATORS_PER_FICHE} as n, g % ${INDICATORS_PER_FICHE} as k) cnk
        join contracts ct on ct.id = ${contractId("c")}`,
  },
  {
    label: "follow-up items",
    sql: `insert into follow_up_items (id, contract_id, year, section, title, adjustments, position, created_at, updated_at)
      select pg_temp.bench_id('fu-' || c || '-' || y || '-' || k)::uuid, ${contractId("c")}, extract(year from ct.start_date)::int + y, (array['transversal','process'])[1 + k],
        (array['Communication du CLS','Animation de la gouvernance'])[1 + k], '', k, ${T0}, ${T0}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(0, 2) y cross join generate_series(0, 1) k
        join contracts ct on ct.id = ${contractId("c")}`,
  },
  {
    label: "review settings",
    sql: `insert into review_settings (contract_id, purpose, created_at, updated_at) select ${contractId("c")}, '<p>Suivre la mise en œuvre du contrat.</p>', ${T0}, ${T0} from generate_series(1, ${CONTRACTS}) c`,
  },
  {
    label: "memberships",
    sql: `insert into memberships (id, contract_id, user_id, role, created_at, updated_at)
      select pg_temp.bench_id('mb-' || c || '-coord')::uuid, ${contractId("c")}, ${userId.coordinator("c")}, 'coordinator', ${T0}, ${T0} from generate_series(1, ${CONTRACTS}) c
      union all select pg_temp.bench_id('mb-' || c || '-lead-' || j)::uuid, ${contractId("c")}, ${userId.lead("c", "j")}, 'lead', ${T0}, ${T0}
        from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, 3) j
      union all select pg_temp.bench_id('mb-' || c || '-partner-' || j)::uuid, ${contractId("c")}, ${userId.partner("c", "j")}, 'partner', ${T0}, ${T0}
        from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, 2) j where j <= ${partnersOf("c")}`,
  },
  {
    label: "led fiches",
    sql: `insert into membership_actions (membership_id, action_id)
      select pg_temp.bench_id('mb-' || c || '-lead-' || ${leadOf("n")})::uuid, ${actionId("c", "n")}
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${FICHES_PER_CONTRACT}) n`,
  },
  {
    label: "ARS territories",
    sql: `insert into ars_scopes (user_id, level, code) values (pg_temp.bench_id('u-ars-77'), 'department', '77'), (pg_temp.bench_id('u-ars-11'), 'region', '11')`,
  },
  {
    label: "comments",
    sql: `insert into comments (id, contract_id, action_id, body, author_id, author_name, author_organisation, created_at)
      select pg_temp.bench_id('cm-' || c || '-' || n || '-' || k)::uuid, ${contractId("c")}, ${actionId("c", "n")}, 'Les données du premier semestre sont disponibles auprès de nos services.',
        ${userId.partner("c", "1")}, 'Partenaire ' || c || '-1', 'CPAM', ${T0} + (n * 2 + k) * interval '1 day'
      from generate_series(1, ${CONTRACTS}) c cross join generate_series(1, ${FICHES_PER_CONTRACT}) n cross join generate_series(0, 1) k`,
  },
];
