// A starting vocabulary of competence areas for a new municipality (coordinators rename, merge
// and archive from here). In nynorsk, the demo municipality's language.
import type { Database } from '../client.ts';
import { insertAreas } from '../repositories/mapping.repository.ts';

export const STARTING_COMPETENCE_AREAS = [
  'Helse og omsorg',
  'Demens og eldre',
  'Psykisk helse og rus',
  'Oppvekst',
  'Spesialpedagogikk og tilpassa opplæring',
  'Barnehagepedagogikk',
  'Teknisk og eigedom',
  'Digital kompetanse',
  'Leiing',
  'Rettleiing av kollegaer',
  'Kommunikasjon og klarspråk',
  'Brukarmedverknad og service',
  'Offentleg forvaltning og lovverk',
  'Innkjøp og bestillarkompetanse',
  'Helse, miljø og tryggleik',
  'Fleirkulturell forståing',
] as const;

/** Insert the starting list for a tenant; names already there are skipped. Returns how many were added. */
export async function seedCompetenceAreas(database: Database, tenantId: string): Promise<number> {
  return database.withTenant(tenantId, async (tx) => (await insertAreas(tx, STARTING_COMPETENCE_AREAS.map((name) => ({ tenantId, name, status: 'active' })))).length);
}
