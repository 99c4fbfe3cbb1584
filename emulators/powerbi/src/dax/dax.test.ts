import type { SemanticModel } from '../model/types';
import { allRows } from '../rls/rls';
import { DaxError, parseQuery, runQuery } from '.';

const model: SemanticModel = {
  tables: [
    {
      name: 'Sales',
      columns: [
        { name: 'Region', dataType: 'String' },
        { name: 'Quarter', dataType: 'String' },
        { name: 'Amount', dataType: 'Double' },
        { name: 'Note', dataType: 'String' },
      ],
      rows: [
        { Region: 'North', Quarter: 'Q1', Amount: 10, Note: 'a' },
        { Region: 'North', Quarter: 'Q2', Amount: 20, Note: null },
        { Region: 'South', Quarter: 'Q1', Amount: 5, Note: 'b' },
        { Region: 'South', Quarter: 'Q2', Amount: 7, Note: null },
      ],
    },
    {
      name: 'Region Info',
      columns: [
        { name: 'Region', dataType: 'String' },
        { name: 'Manager', dataType: 'String' },
      ],
      rows: [
        { Region: 'North', Manager: 'Ann' },
        { Region: 'South', Manager: 'Bo' },
      ],
    },
  ],
  relationships: [
    {
      name: 'r',
      fromTable: 'Sales',
      fromColumn: 'Region',
      toTable: 'Region Info',
      toColumn: 'Region',
      crossFilteringBehavior: 'OneDirection',
    },
  ],
  roles: [],
};

function run(query: string, username = 'user@contoso.com') {
  return runQuery(query, { tables: model.tables, relationships: model.relationships, visible: allRows(model) }, username).table;
}

describe('DAX subset', () => {
  it('EVALUATE a table returns its columns qualified by table name', () => {
    const result = run("EVALUATE 'Sales'");
    expect(result.columns.map((column) => `${column.table}[${column.name}]`)).toEqual([
      'Sales[Region]',
      'Sales[Quarter]',
      'Sales[Amount]',
      'Sales[Note]',
    ]);
    expect(result.rows).toHaveLength(4);
    expect(run('EVALUATE Sales').rows).toHaveLength(4);
    expect(run("EVALUATE 'Region Info'").rows).toHaveLength(2);
  });

  it('FILTER with = and && compares text case-insensitively', () => {
    expect(run(`EVALUATE FILTER('Sales', 'Sales'[Region] = "north" && 'Sales'[Quarter] = "Q2")`).rows).toEqual([['North', 'Q2', 20, null]]);
    expect(run(`EVALUATE FILTER(Sales, [Amount] > 6 || Sales[Region] = "South")`).rows).toHaveLength(4);
    expect(run(`EVALUATE FILTER(Sales, NOT (Sales[Region] = "North"))`).rows).toHaveLength(2);
    expect(run(`EVALUATE FILTER(Sales, Sales[Region] IN {"South", "East"})`).rows).toHaveLength(2);
    expect(run(`EVALUATE FILTER(Sales, ISBLANK(Sales[Note]))`).rows).toHaveLength(2);
  });

  it('SUMMARIZECOLUMNS groups and sums, with filter tables and ORDER BY', () => {
    const result = run(`EVALUATE SUMMARIZECOLUMNS('Sales'[Region], "Total", SUM('Sales'[Amount])) ORDER BY [Total] DESC`);
    expect(result.columns).toEqual([{ table: 'Sales', name: 'Region' }, { name: 'Total' }]);
    expect(result.rows).toEqual([
      ['North', 30],
      ['South', 12],
    ]);
    const filtered = run(
      `EVALUATE SUMMARIZECOLUMNS('Sales'[Quarter], FILTER('Sales', 'Sales'[Region] = "South"), "Total", SUM('Sales'[Amount]), "Rows", COUNTROWS('Sales'))`,
    );
    expect(filtered.rows).toEqual([
      ['Q1', 5, 1],
      ['Q2', 7, 1],
    ]);
    expect(run(`EVALUATE SUMMARIZECOLUMNS(TREATAS({"North"}, 'Sales'[Region]), "Total", SUM('Sales'[Amount]))`).rows).toEqual([[30]]);
  });

  it('filters on a dimension flow to the fact table through relationships', () => {
    const result = run(`EVALUATE CALCULATETABLE('Sales', 'Region Info'[Manager] = "Bo")`);
    expect(result.rows.map((row) => row[0])).toEqual(['South', 'South']);
    expect(
      run(`EVALUATE SUMMARIZECOLUMNS('Region Info'[Manager], "Total", SUM('Sales'[Amount])) ORDER BY 'Region Info'[Manager]`).rows,
    ).toEqual([
      ['Ann', 30],
      ['Bo', 12],
    ]);
  });

  it('supports VALUES, TOPN, ROW, SELECTCOLUMNS and USERPRINCIPALNAME()', () => {
    expect(run(`EVALUATE VALUES('Sales'[Region])`).rows).toEqual([['North'], ['South']]);
    expect(run(`EVALUATE TOPN(1, 'Sales', 'Sales'[Amount], DESC)`).rows).toEqual([['North', 'Q2', 20, null]]);
    expect(run(`EVALUATE ROW("who", USERPRINCIPALNAME(), "n", 1 + 2 * 3)`, 'me@x.com').rows).toEqual([['me@x.com', 7]]);
    expect(run(`EVALUATE SELECTCOLUMNS('Sales', "R", 'Sales'[Region] & "-" & 'Sales'[Quarter])`).rows[0]).toEqual(['North-Q1']);
  });

  it('reports several EVALUATE statements so the caller can flag them', () => {
    expect(
      runQuery(`EVALUATE 'Sales' EVALUATE 'Region Info'`, { tables: model.tables, relationships: [], visible: allRows(model) }, 'u')
        .extraTables,
    ).toBe(1);
  });

  it.each([
    ['SELECT * FROM Sales', /must start with EVALUATE/],
    ['EVALUATE FILTER(Sales, Sales[Region] = )', /incorrect|ended/],
    ["EVALUATE 'Nope'", /Cannot find table 'Nope'/],
    ['EVALUATE FILTER(Sales, Sales[Missing] = 1)', /cannot be found/],
    ['EVALUATE GENERATESERIES(1, 5)', /Failed to resolve name 'GENERATESERIES'/],
    ['DEFINE VAR x = 1 EVALUATE Sales', /DEFINE is outside/],
    [`EVALUATE FILTER(Sales, Sales[Amount] = "10")`, /comparing values of type/],
    [`EVALUATE SUMMARIZECOLUMNS('Sales'[Region], 'Region Info'[Manager], "T", SUM('Sales'[Amount]))`, /more than one table/],
  ])('rejects %s', (query, message) => {
    expect(() => run(query)).toThrow(DaxError);
    expect(() => run(query)).toThrow(message);
  });

  it('parses comments and escaped names', () => {
    expect(parseQuery(`// comment\nEVALUATE /* x */ 'It''s'[Col] -- tail`).statements).toHaveLength(1);
  });
});
