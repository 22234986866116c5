// A deterministic synthetic municipality of any size: kommune -> sectors (oppvekst, helse og
// omsorg, teknisk, kultur, stab og støtte) -> units -> departments, with people, employments
// (real STYRK-08 codes, KS-like job codes, FTE, dates), birth years and unit leaders.
// Used by the demo (about 600 employees) and by the scale generator (50,000 / ~2,000 units).
import { randomUUID } from 'node:crypto';
import type { Database } from '../client.ts';
import { analyzeOrganisationTables } from '../repositories/maintenance.repository.ts';
import { employments, orgUnits, persons, unitLeaders } from '../schema/index.ts';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE, PLACES } from './names.ts';

export interface GeneratedUnit {
  id: string;
  parentId: string | null;
  kind: 'kommune' | 'sektor' | 'eining' | 'avdeling' | 'team';
  name: string;
  code: string;
  path: string;
  depth: number;
  sector: SectorKey | null;
}

export interface GeneratedPerson {
  id: string;
  givenName: string;
  familyName: string;
  email: string | null;
  birthYear: number;
}

export interface GeneratedEmployment {
  personId: string;
  unitId: string;
  employeeNumber: string;
  positionTitle: string;
  ftePercent: number;
  styrk08: string;
  ksJobCode: string;
  occupationalGroup: string;
  startDate: string;
  endDate: string | null;
}

export interface GeneratedOrganisation {
  name: string;
  units: GeneratedUnit[];
  persons: GeneratedPerson[];
  employments: GeneratedEmployment[];
  leaders: Array<{ unitId: string; personId: string }>;
}

type SectorKey = 'oppvekst' | 'helse' | 'teknisk' | 'kultur' | 'stab';

interface Occupation {
  title: string;
  styrk: string;
  ks: string;
  group: string;
  weight: number;
}

const SECTORS: Record<SectorKey, { name: string; share: number; unitNames: string[]; departments: string[]; occupations: Occupation[] }> = {
  oppvekst: {
    name: 'Oppvekst',
    share: 0.35,
    unitNames: ['{place} skule', '{place} barnehage', '{place} barne- og ungdomsskule', 'PP-tenesta', 'Helsestasjon og skulehelseteneste'],
    departments: ['Småtrinnet', 'Mellomtrinnet', 'Ungdomstrinnet', 'SFO', 'Avdeling Blåbær', 'Avdeling Tyttebær'],
    occupations: [
      { title: 'Lærar', styrk: '2341', ks: '7957', group: 'Undervisningspersonale', weight: 40 },
      { title: 'Lektor', styrk: '2320', ks: '7955', group: 'Undervisningspersonale', weight: 6 },
      { title: 'Spesialpedagog', styrk: '2352', ks: '7958', group: 'Undervisningspersonale', weight: 5 },
      { title: 'Barnehagelærar', styrk: '2342', ks: '7966', group: 'Pedagogisk personale barnehage', weight: 18 },
      { title: 'Barne- og ungdomsarbeidar', styrk: '5311', ks: '7036', group: 'Fagarbeidar', weight: 10 },
      { title: 'Assistent', styrk: '5312', ks: '7063', group: 'Assistent', weight: 16 },
      { title: 'Helsesjukepleiar', styrk: '2221', ks: '7523', group: 'Sjukepleiar', weight: 3 },
      { title: 'Logoped', styrk: '2266', ks: '7470', group: 'Høgskuleutdanna', weight: 2 },
    ],
  },
  helse: {
    name: 'Helse og omsorg',
    share: 0.45,
    unitNames: ['{place} sjukeheim', 'Heimetenesta sone {place}', '{place} bufellesskap', 'Psykisk helse og rus', 'Legetenesta', 'Fysio- og ergoterapi', 'Tildelingskontoret'],
    departments: ['Avdeling 1. etasje', 'Avdeling 2. etasje', 'Skjerma eining', 'Korttidsavdelinga', 'Natt', 'Dagsenter'],
    occupations: [
      { title: 'Sjukepleiar', styrk: '2223', ks: '7174', group: 'Sjukepleiar', weight: 22 },
      { title: 'Spesialsjukepleiar', styrk: '2221', ks: '7524', group: 'Sjukepleiar', weight: 5 },
      { title: 'Helsefagarbeidar', styrk: '5321', ks: '7576', group: 'Helsefagarbeidar', weight: 30 },
      { title: 'Assistent', styrk: '5329', ks: '7063', group: 'Assistent', weight: 18 },
      { title: 'Heimehjelp', styrk: '5322', ks: '7067', group: 'Assistent', weight: 5 },
      { title: 'Vernepleiar', styrk: '3412', ks: '7171', group: 'Høgskuleutdanna', weight: 7 },
      { title: 'Miljøterapeut', styrk: '3412', ks: '7165', group: 'Høgskuleutdanna', weight: 5 },
      { title: 'Fysioterapeut', styrk: '2264', ks: '7182', group: 'Høgskuleutdanna', weight: 3 },
      { title: 'Sosionom', styrk: '2635', ks: '7178', group: 'Høgskuleutdanna', weight: 2 },
      { title: 'Kokk', styrk: '5120', ks: '7119', group: 'Fagarbeidar', weight: 3 },
    ],
  },
  teknisk: {
    name: 'Teknisk',
    share: 0.08,
    unitNames: ['Bygg og eigedom', 'Vatn og avløp', 'Veg og park', 'Plan og byggesak', 'Reinhald'],
    departments: ['Drift', 'Prosjekt', 'Vaktlag'],
    occupations: [
      { title: 'Ingeniør', styrk: '3112', ks: '7083', group: 'Ingeniør', weight: 15 },
      { title: 'Rørleggar', styrk: '7126', ks: '7141', group: 'Fagarbeidar', weight: 10 },
      { title: 'Elektrikar', styrk: '7411', ks: '7141', group: 'Fagarbeidar', weight: 8 },
      { title: 'Tømrar', styrk: '7115', ks: '7141', group: 'Fagarbeidar', weight: 8 },
      { title: 'Maskinførar', styrk: '8342', ks: '7140', group: 'Fagarbeidar', weight: 8 },
      { title: 'Reinhaldar', styrk: '9112', ks: '7040', group: 'Reinhald', weight: 30 },
      { title: 'Saksbehandlar', styrk: '2422', ks: '7126', group: 'Saksbehandlar', weight: 10 },
    ],
  },
  kultur: {
    name: 'Kultur',
    share: 0.04,
    unitNames: ['Biblioteket', 'Kulturskulen', 'Fritid og frivilligheit', 'Kulturhuset'],
    departments: ['Musikk', 'Dans og teater'],
    occupations: [
      { title: 'Bibliotekar', styrk: '2621', ks: '7088', group: 'Høgskuleutdanna', weight: 8 },
      { title: 'Kulturskulelærar', styrk: '2359', ks: '7950', group: 'Undervisningspersonale', weight: 15 },
      { title: 'Musikar', styrk: '2652', ks: '7950', group: 'Undervisningspersonale', weight: 4 },
      { title: 'Kulturkonsulent', styrk: '2432', ks: '7126', group: 'Saksbehandlar', weight: 5 },
    ],
  },
  stab: {
    name: 'Stab og støtte',
    share: 0.08,
    unitNames: ['Økonomi', 'Personal og organisasjon', 'IKT', 'Servicetorget', 'Dokumentsenteret'],
    departments: ['Rekneskap', 'Lønn', 'Brukarstøtte'],
    occupations: [
      { title: 'Rådgjevar', styrk: '2422', ks: '7126', group: 'Saksbehandlar', weight: 20 },
      { title: 'Personalrådgjevar', styrk: '2423', ks: '7126', group: 'Saksbehandlar', weight: 8 },
      { title: 'Rekneskapsrådgjevar', styrk: '2411', ks: '7126', group: 'Saksbehandlar', weight: 8 },
      { title: 'Konsulent', styrk: '4110', ks: '7126', group: 'Kontor', weight: 20 },
      { title: 'IT-konsulent', styrk: '2513', ks: '7126', group: 'IKT', weight: 8 },
      { title: 'Arkivar', styrk: '2621', ks: '7126', group: 'Kontor', weight: 5 },
    ],
  },
};

const LEADER_STYRK: Record<SectorKey, string> = { oppvekst: '1341', helse: '1343', teknisk: '1349', kultur: '1349', stab: '1211' };
const FTE_CHOICES = [100, 100, 100, 100, 80, 80, 75, 60, 50, 40, 20];

/** mulberry32: small, fast, deterministic PRNG. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ascii(s: string): string {
  return s
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

export function generateOrganisation(options: { seed: number; employees: number; name?: string; emailDomain?: string; uuid?: () => string }): GeneratedOrganisation {
  const random = rng(options.seed);
  const uuid = options.uuid ?? randomUUID;
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const weighted = (list: readonly Occupation[]): Occupation => {
    const total = list.reduce((s, o) => s + o.weight, 0);
    let r = random() * total;
    for (const o of list) if ((r -= o.weight) <= 0) return o;
    return list[list.length - 1]!;
  };
  const name = options.name ?? 'Fjordvik kommune';
  const domain = options.emailDomain ?? 'fjordvik.kommune.no';
  const units: GeneratedUnit[] = [];
  let unitSeq = 0;
  const addUnit = (parent: GeneratedUnit | null, kind: GeneratedUnit['kind'], unitName: string, sector: SectorKey | null): GeneratedUnit => {
    const id = uuid();
    unitSeq += 1;
    const u: GeneratedUnit = {
      id,
      parentId: parent?.id ?? null,
      kind,
      name: unitName,
      code: kind === 'kommune' ? 'K' : `E${String(unitSeq).padStart(5, '0')}`,
      path: parent ? `${parent.path}/${id}` : id,
      depth: parent ? parent.depth + 1 : 0,
      sector,
    };
    units.push(u);
    return u;
  };

  const root = addUnit(null, 'kommune', name, null);
  // About one leaf unit per 25 employees, at least a handful per sector.
  const leafTarget = Math.max(12, Math.round(options.employees / 25));
  const leaves: GeneratedUnit[] = [];
  const sectorUnits: Array<[SectorKey, GeneratedUnit]> = [];
  for (const key of Object.keys(SECTORS) as SectorKey[]) {
    const sector = SECTORS[key];
    const sectorUnit = addUnit(root, 'sektor', sector.name, key);
    sectorUnits.push([key, sectorUnit]);
    const leafCount = Math.max(2, Math.round(leafTarget * sector.share));
    // Units with departments: roughly one unit per three leaves when the sector is large.
    const unitCount = Math.max(2, Math.round(leafCount / (leafCount > 6 ? 3 : 1)));
    const usedNames = new Set<string>();
    for (let i = 0; i < unitCount; i++) {
      let unitName = pick(sector.unitNames).replace('{place}', pick(PLACES));
      for (let n = 2; usedNames.has(unitName); n++) unitName = `${unitName.replace(/ \d+$/, '')} ${n}`;
      usedNames.add(unitName);
      const unit = addUnit(sectorUnit, 'eining', unitName, key);
      const deps = Math.max(0, Math.round(leafCount / unitCount) - 1);
      if (deps === 0) leaves.push(unit);
      for (let d = 0; d < deps; d++) leaves.push(addUnit(unit, 'avdeling', sector.departments[d % sector.departments.length]!, key));
    }
  }

  const personsOut: GeneratedPerson[] = [];
  const employmentsOut: GeneratedEmployment[] = [];
  const leaders: Array<{ unitId: string; personId: string }> = [];
  const emailsUsed = new Map<string, number>();
  let employeeNo = 100_000;
  const newPerson = (): GeneratedPerson => {
    const female = random() < 0.78; // municipal workforce is mostly women
    const givenName = pick(female ? GIVEN_FEMALE : GIVEN_MALE);
    const familyName = pick(FAMILY);
    const base = `${ascii(givenName)}.${ascii(familyName)}`;
    const n = (emailsUsed.get(base) ?? 0) + 1;
    emailsUsed.set(base, n);
    const p: GeneratedPerson = {
      id: uuid(),
      givenName,
      familyName,
      email: `${base}${n > 1 ? n : ''}@${domain}`,
      birthYear: 1958 + Math.floor(random() * 46),
    };
    personsOut.push(p);
    return p;
  };
  const employ = (p: GeneratedPerson, unit: GeneratedUnit, title: string, styrk: string, ks: string, group: string, fte: number) => {
    employeeNo += 1;
    const startYear = Math.max(p.birthYear + 20, 2026 - Math.floor(random() * 30));
    const start = `${Math.min(startYear, 2026)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`;
    employmentsOut.push({ personId: p.id, unitId: unit.id, employeeNumber: String(employeeNo), positionTitle: title, ftePercent: fte, styrk08: styrk, ksJobCode: ks, occupationalGroup: group, startDate: start, endDate: null });
  };

  // Leaders: kommunedirektør, one kommunalsjef per sector, one leader per unit and department.
  const director = newPerson();
  employ(director, root, 'Kommunedirektør', '1120', '7001', 'Leiar', 100);
  leaders.push({ unitId: root.id, personId: director.id });
  for (const unit of units) {
    if (unit.kind === 'kommune' || !unit.sector) continue;
    const leader = newPerson();
    const title = unit.kind === 'sektor' ? 'Kommunalsjef' : unit.kind === 'eining' ? 'Einingsleiar' : 'Avdelingsleiar';
    employ(leader, unit, title, LEADER_STYRK[unit.sector], unit.kind === 'sektor' ? '7002' : '7004', 'Leiar', 100);
    leaders.push({ unitId: unit.id, personId: leader.id });
  }

  // Staff in leaf units by sector share.
  let remaining = Math.max(0, options.employees - personsOut.length);
  const bySector = new Map<SectorKey, GeneratedUnit[]>();
  for (const leaf of leaves) bySector.set(leaf.sector!, [...(bySector.get(leaf.sector!) ?? []), leaf]);
  const total = remaining;
  for (const [key, sectorLeaves] of bySector) {
    const count = key === 'stab' ? remaining : Math.min(remaining, Math.round(total * SECTORS[key].share));
    remaining -= count;
    for (let i = 0; i < count; i++) {
      const unit = sectorLeaves[i % sectorLeaves.length]!;
      const occ = weighted(SECTORS[key].occupations);
      employ(newPerson(), unit, occ.title, occ.styrk, occ.ks, occ.group, key === 'helse' ? pick(FTE_CHOICES) : pick([100, 100, 100, 80, 60]));
    }
  }
  return { name, units, persons: personsOut, employments: employmentsOut, leaders };
}

export interface InsertedOrganisation {
  persons: GeneratedPerson[];
  sampleLeaderPersonId: string | null;
}

/** Bulk-insert a generated organisation into a tenant (inside one transaction per table batch). */
export async function insertOrganisation(database: Database, tenantId: string, org: GeneratedOrganisation, batch = 1000): Promise<InsertedOrganisation> {
  await database.withTenant(tenantId, async (tx) => {
    // Parents before children: units are generated in that order.
    for (let i = 0; i < org.units.length; i += batch) {
      await tx.insert(orgUnits).values(org.units.slice(i, i + batch).map((u) => ({ id: u.id, tenantId, parentId: u.parentId, kind: u.kind, name: u.name, code: u.code, path: u.path, depth: u.depth })));
    }
    for (let i = 0; i < org.persons.length; i += batch) {
      await tx.insert(persons).values(org.persons.slice(i, i + batch).map((p) => ({ id: p.id, tenantId, givenName: p.givenName, familyName: p.familyName, email: p.email, birthYear: p.birthYear })));
    }
    for (let i = 0; i < org.employments.length; i += batch) {
      await tx.insert(employments).values(org.employments.slice(i, i + batch).map((e) => ({ tenantId, ...e })));
    }
    for (let i = 0; i < org.leaders.length; i += batch) {
      await tx.insert(unitLeaders).values(org.leaders.slice(i, i + batch).map((l) => ({ tenantId, ...l })));
    }
  });
  await analyzeOrganisationTables(database);
  const helseUnit = org.units.find((u) => u.kind === 'eining' && u.sector === 'helse');
  const sample = helseUnit ? org.leaders.find((l) => l.unitId === helseUnit.id) : undefined;
  return { persons: org.persons, sampleLeaderPersonId: sample?.personId ?? null };
}
