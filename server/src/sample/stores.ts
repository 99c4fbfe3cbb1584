import type { Scope } from '@planboard/contracts';
import { storeScopeId } from '../stores/tables';

/** A store of the sample tenant: the same 40 stores the Dataverse emulator's store master seeds. */
export interface SampleStore {
  /** The six-digit store number (scope `store-<number>`). */
  number: string;
  name: string;
  /** City and country. */
  location: string;
  region: string;
  /** The sales business unit the store belongs to. */
  businessUnit: 'sales-north' | 'sales-south';
  manager: string;
}

type Row = [number: string, name: string, location: string, region: string, manager: string];

const north: Row[] = [
  ['104233', 'Oslo Central', 'Oslo, Norway', 'Nordics', 'Ingrid Solberg'],
  ['104310', 'Bergen Bryggen', 'Bergen, Norway', 'Nordics', 'Lars Eide'],
  ['104402', 'Trondheim Torget', 'Trondheim, Norway', 'Nordics', 'Kari Moen'],
  ['104871', 'Stockholm Kungsgatan', 'Stockholm, Sweden', 'Nordics', 'Astrid Nyberg'],
  ['104955', 'Gothenburg Avenyn', 'Gothenburg, Sweden', 'Nordics', 'Johan Ek'],
  ['105018', 'Malmö Triangeln', 'Malmö, Sweden', 'Nordics', 'Elsa Holm'],
  ['105102', 'Copenhagen Strøget', 'Copenhagen, Denmark', 'Nordics', 'Mads Kjær'],
  ['105233', 'Aarhus Strøget', 'Aarhus, Denmark', 'Nordics', 'Freja Lund'],
  ['105391', 'Odense Vestergade', 'Odense, Denmark', 'Nordics', 'Rasmus Bech'],
  ['105660', 'Helsinki Kamppi', 'Helsinki, Finland', 'Nordics', 'Aino Virtanen'],
  ['105722', 'Tampere Hämeenkatu', 'Tampere, Finland', 'Nordics', 'Eero Laine'],
  ['105804', 'Turku Aura', 'Turku, Finland', 'Nordics', 'Helmi Koski'],
  ['106120', 'Tallinn Old Town', 'Tallinn, Estonia', 'Baltics', 'Kadri Tamm'],
  ['106245', 'Riga Brīvības', 'Riga, Latvia', 'Baltics', 'Jānis Bērziņš'],
  ['106377', 'Vilnius Gedimino', 'Vilnius, Lithuania', 'Baltics', 'Rūta Kazlauskė'],
  ['106501', 'Kaunas Laisvės', 'Kaunas, Lithuania', 'Baltics', 'Tomas Petraitis'],
  ['107114', 'Amsterdam Damrak', 'Amsterdam, Netherlands', 'Benelux', 'Sanne de Vries'],
  ['107268', 'Rotterdam Lijnbaan', 'Rotterdam, Netherlands', 'Benelux', 'Daan Bakker'],
  ['107390', 'Brussels Grand-Place', 'Brussels, Belgium', 'Benelux', 'Lotte Peeters'],
  ['107455', 'Antwerp Meir', 'Antwerp, Belgium', 'Benelux', 'Wout Janssens'],
];

const south: Row[] = [
  ['207120', 'Barcelona Passeig de Gràcia', 'Barcelona, Spain', 'Iberia', 'Marta Puig'],
  ['207288', 'Valencia Colón', 'Valencia, Spain', 'Iberia', 'Pablo Ferrer'],
  ['207415', 'Madrid Gran Vía', 'Madrid, Spain', 'Iberia', 'Carmen Ruiz'],
  ['207509', 'Seville Sierpes', 'Seville, Spain', 'Iberia', 'Javier Moreno'],
  ['207644', 'Bilbao Abando', 'Bilbao, Spain', 'Iberia', 'Ane Etxeberria'],
  ['207811', 'Porto Aliados', 'Porto, Portugal', 'Iberia', 'Rui Costa'],
  ['207932', 'Lisbon Chiado', 'Lisbon, Portugal', 'Iberia', 'Inês Almeida'],
  ['207990', 'Faro Baixa', 'Faro, Portugal', 'Iberia', 'Tiago Sousa'],
  ['208011', 'Milan Duomo', 'Milan, Italy', 'Italy', 'Giulia Bianchi'],
  ['208104', 'Rome Termini', 'Rome, Italy', 'Italy', 'Marco Ricci'],
  ['208236', 'Naples Toledo', 'Naples, Italy', 'Italy', 'Chiara Esposito'],
  ['208319', 'Florence Santa Maria Novella', 'Florence, Italy', 'Italy', 'Luca Romano'],
  ['208452', 'Turin Porta Nuova', 'Turin, Italy', 'Italy', 'Sara Colombo'],
  ['208577', 'Athens Syntagma', 'Athens, Greece', 'Southeast Europe', 'Eleni Papadopoulou'],
  ['208690', 'Thessaloniki Aristotelous', 'Thessaloniki, Greece', 'Southeast Europe', 'Nikos Georgiou'],
  ['208733', 'Sofia Vitosha', 'Sofia, Bulgaria', 'Southeast Europe', 'Ivan Dimitrov'],
  ['208856', 'Bucharest Unirii', 'Bucharest, Romania', 'Southeast Europe', 'Ioana Popescu'],
  ['208912', 'Zagreb Ilica', 'Zagreb, Croatia', 'Southeast Europe', 'Ana Horvat'],
  ['208977', 'Ljubljana Prešeren', 'Ljubljana, Slovenia', 'Southeast Europe', 'Luka Novak'],
  ['209045', 'Belgrade Knez Mihailova', 'Belgrade, Serbia', 'Southeast Europe', 'Milica Jovanović'],
];

const store =
  (businessUnit: SampleStore['businessUnit']) =>
  ([number, name, location, region, manager]: Row): SampleStore => ({ number, name, location, region, businessUnit, manager });

export const sampleStores: readonly SampleStore[] = [...north.map(store('sales-north')), ...south.map(store('sales-south'))];

/** The stores as access scopes (`store-<number>` under their business unit). */
export const storeScopes: Scope[] = sampleStores.map((item) => ({
  id: storeScopeId(item.number),
  type: 'store',
  name: item.name,
  parentId: item.businessUnit,
}));
