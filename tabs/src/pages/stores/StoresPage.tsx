import { Body1, Caption1, Dropdown, Field, makeStyles, Option, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { BuildingShopRegular } from '@fluentui/react-icons';
import type { StoreSales, StoreSummary } from '@planboard/contracts';
import { useMemo, useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import { storesPage } from '../../shell/pageCatalog';
import { useReports } from '../reports/reportsApi';
import { ChartWithTable, type ChartRow } from './ChartWithTable';
import { StoreReport } from './StoreReport';
import { useStores, useStoreSales } from './storesApi';
import {
  countText,
  dayPartName,
  hoursText,
  labourPerSaleText,
  moneyText,
  recentWeeks,
  salesPerHourText,
  storeWeeks,
  weekLabel,
} from './storesView';

const { title, subtitle } = storesPage;

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  picker: { maxWidth: '360px' },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  // Under the store's name, not beside it.
  place: { display: 'block', color: tokens.colorNeutralForeground3 },
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, margin: 0 },
  fact: { display: 'flex', flexDirection: 'column', margin: 0 },
  factValue: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

const where = (store: StoreSummary): string =>
  [store.location, store.region, store.businessUnit].filter((part): part is string => !!part).join(' · ');

function weekRows(sales: StoreSales): ChartRow[] {
  return sales.periods.map((period) => ({
    key: period.start,
    label: weekLabel(period.label, period.start),
    value: period.netSales,
    valueText: moneyText(period.netSales),
    cells: [countText(period.transactions), hoursText(period.labourHours), labourPerSaleText(period)],
  }));
}

function dayPartRows(sales: StoreSales): ChartRow[] {
  return sales.dayParts.map((part) => ({
    key: part.dayPart,
    label: dayPartName(part.dayPart),
    value: part.netSales,
    valueText: moneyText(part.netSales),
    cells: [countText(part.transactions), hoursText(part.labourHours), labourPerSaleText(part)],
  }));
}

const figureColumns = ['Transactions', 'Labour hours', 'Labour per sale'];

/** One store's last weeks: totals, sales by week and by day part, labour per sale. */
function StoreFigures({ store }: { store: StoreSummary }) {
  const s = useStyles();
  const range = useMemo(() => recentWeeks(new Date()), []);
  const sales = useStoreSales(store.storeId, range, 'week');
  if (sales.isError) return <ApiErrorBar error={sales.error} onRetry={() => void sales.refetch()} />;
  if (!sales.data) return <Spinner label={`Loading the sales of ${store.name}…`} />;
  const { totals } = sales.data;
  return (
    <>
      <section aria-labelledby="store-name" className={s.column}>
        <div>
          <Subtitle1 as="h2" id="store-name" className={s.heading}>
            {store.name}
          </Subtitle1>
          <Caption1 className={s.place}>
            {where(store)}
            {store.manager ? ` · managed by ${store.manager}` : ''}
          </Caption1>
        </div>
        {sales.data.periods.length === 0 ? (
          <Body1 data-testid="store-no-sales">
            No sales have been loaded for {store.name} in the last {storeWeeks} weeks.
          </Body1>
        ) : (
          <dl className={s.facts} aria-label={`${store.name}, last ${storeWeeks} weeks`}>
            {[
              ['Net sales', moneyText(totals.netSales)],
              ['Transactions', countText(totals.transactions)],
              ['Labour hours', hoursText(totals.labourHours)],
              ['Labour per sale', labourPerSaleText(totals)],
              ['Sales per labour hour', salesPerHourText(totals)],
            ].map(([name, value]) => (
              <div key={name} className={s.fact}>
                <dt className={s.muted}>{name}</dt>
                <dd className={s.factValue}>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      {sales.data.periods.length > 0 && (
        <>
          <ChartWithTable
            title="Net sales by week"
            labelHeader="Week"
            valueHeader="Net sales"
            columns={figureColumns}
            rows={weekRows(sales.data)}
            testId="sales-by-week"
          />
          <ChartWithTable
            title="Net sales by day part"
            labelHeader="Day part"
            valueHeader="Net sales"
            columns={figureColumns}
            rows={dayPartRows(sales.data)}
            testId="sales-by-day-part"
          />
        </>
      )}
    </>
  );
}

/** "Stores": the caller's stores (by name), one store's weeks and day parts, and the store report beside them. */
export function StoresPage() {
  const s = useStyles();
  const stores = useStores();
  const reports = useReports();
  const [chosen, setChosen] = useState<string>();
  const list = stores.data?.stores ?? [];
  const store = list.find((item) => item.storeId === chosen) ?? list[0];
  const storeReports = reports.data?.reports.filter((report) => report.scopeType === 'store') ?? [];
  const report = storeReports.find((item) => item.datasetName === 'Store Sales') ?? storeReports[0];

  return (
    <PageLayout title={title} subtitle={subtitle}>
      {stores.isError && <ApiErrorBar error={stores.error} onRetry={() => void stores.refetch()} />}
      {!stores.data && !stores.isError && <Spinner label="Loading your stores…" />}
      {stores.data && list.length === 0 && (
        <EmptyState
          icon={BuildingShopRegular}
          title="No stores to show"
          description="You have not been granted any store, or a business unit with stores. Ask a Planboard admin for access."
        />
      )}
      {store && (
        <div className={s.layout}>
          <div className={s.column}>
            {list.length > 1 && (
              <Field label={`Store (${list.length} you can see)`} className={s.picker}>
                <Dropdown value={store.name} selectedOptions={[store.storeId]} onOptionSelect={(_, data) => setChosen(data.optionValue)}>
                  {list.map((item) => (
                    <Option key={item.storeId} value={item.storeId}>
                      {item.name}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            )}
            <StoreFigures key={store.storeId} store={store} />
          </div>
          {report && <StoreReport reportId={report.id} name={report.name} />}
        </div>
      )}
    </PageLayout>
  );
}
