/** The official territory as the reference routes answer it: communes and EPCI with their names spelled out. */
import { contractDepartments } from "../contracts/territory.js";
import {
  departmentName,
  EPCI_KINDS,
  epciByCode,
  epciCommunes,
  regionName,
  type ReferenceCommune,
  type ReferenceEpci,
} from "../../territory/reference.js";

export function communeView(c: ReferenceCommune) {
  const epci = c.epci ? epciByCode(c.epci) : null;
  return {
    code: c.code,
    name: c.name,
    population: c.population,
    departement: { code: c.department, name: departmentName(c.department) ?? c.department },
    region: { code: c.region, name: regionName(c.region) ?? c.region },
    epci: epci ? { code: epci.code, name: epci.name } : null,
    postalCodes: c.postalCodes,
  };
}

export function epciSummary(e: ReferenceEpci) {
  return {
    code: e.code,
    name: e.name,
    kind: e.kind,
    kindLabel: EPCI_KINDS[e.kind],
    population: e.population,
    communeCount: e.members.length,
    departements: contractDepartments(e.members),
  };
}

export function epciView(e: ReferenceEpci) {
  return { ...epciSummary(e), communes: epciCommunes(e).map(communeView) };
}
