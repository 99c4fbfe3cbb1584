import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, flexGrow: 1 },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  heading: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  body: { flexGrow: 1, display: 'flex', flexDirection: 'column' },
});

export interface PageLayoutProps {
  title: string;
  subtitle?: string;
  /** Right-aligned page actions (toolbar). */
  actions?: ReactNode;
  children: ReactNode;
}

/** Standard page frame: one `<h1>`, subtitle, document title. */
export function PageLayout({ title, subtitle, actions, children }: PageLayoutProps) {
  const styles = useStyles();
  usePageTitle(title);
  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <Title2 as="h1" className={styles.heading}>
          {title}
        </Title2>
        {subtitle && <Body1 className={styles.subtitle}>{subtitle}</Body1>}
        {actions}
      </div>
      <div className={styles.body}>{children}</div>
    </div>
  );
}
