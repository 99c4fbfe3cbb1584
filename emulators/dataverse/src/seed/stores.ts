import { stableGuid, stores as sampleStores } from '@planboard/server';

/** A row of the store master table (`pb_store`), as the Web API returns its columns. */
export interface StoreRecord {
  /** Primary key (GUID), `<logical name>id` as in every Dataverse table. */
  pb_storeid: string;
  /** The six-digit store id the sales workbooks carry (`store-<number>` scope in the app). */
  pb_storenumber: string;
  pb_name: string;
  /** City and country. */
  pb_location: string;
  pb_region: string;
  /** The sample tenant's business unit (`sales-north`, `sales-south`). */
  pb_businessunit: string;
  pb_manager: string;
  pb_manageremail: string;
  /** 0 active, 1 inactive (Dataverse's `statecode`). */
  statecode: number;
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

/** Stores opened too recently to have sales files yet: present in Dataverse, absent from OneDrive. */
export const storesWithoutSalesData: readonly string[] = [
  '105804',
  '106377',
  '106501',
  '107390',
  '107455',
  '207990',
  '208452',
  '208912',
  '208977',
  '209045',
];

function emailOf(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  return `${ascii.toLowerCase().replace(/[^a-z]+/g, '.')}@contoso.onmicrosoft.com`;
}

function record(businessUnit: string, [number, name, location, region, manager]: Row): StoreRecord {
  return {
    pb_storeid: stableGuid(`dataverse:pb_store:${number}`),
    pb_storenumber: number,
    pb_name: name,
    pb_location: location,
    pb_region: region,
    pb_businessunit: businessUnit,
    pb_manager: manager,
    pb_manageremail: emailOf(manager),
    statecode: 0,
  };
}

/** The 40 seeded stores: the sample tenant's eight stores (same ids, names and business units) and 32 more. */
export function sampleStoreMaster(): StoreRecord[] {
  const records = [...north.map((row) => record('sales-north', row)), ...south.map((row) => record('sales-south', row))];
  for (const store of sampleStores) {
    const number = store.id.replace(/^store-/, '');
    const found = records.find((item) => item.pb_storenumber === number);
    if (!found || found.pb_name !== store.name || found.pb_businessunit !== store.parentId) {
      throw new Error(`Store master seed disagrees with the sample tenant on ${store.id}`);
    }
  }
  return records;
}

/** Six-digit ids of the seeded stores that have weekly sales workbooks in OneDrive. */
export function storesWithSalesData(): string[] {
  return sampleStoreMaster()
    .map((store) => store.pb_storenumber)
    .filter((number) => !storesWithoutSalesData.includes(number));
}
