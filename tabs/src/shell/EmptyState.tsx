import { Body1, Caption1, makeStyles, mergeClasses, Subtitle1, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    // Invisible normally; becomes a visible outline in high contrast, where shadows disappear.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    minHeight: '320px',
  },
  art: { position: 'relative', width: '128px', height: '128px', marginBottom: tokens.spacingVerticalS },
  halo: {
    position: 'absolute',
    inset: 0,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
  },
  ring: {
    position: 'absolute',
    inset: '-10px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorBrandStroke2}`,
  },
  dot: { position: 'absolute', borderRadius: tokens.borderRadiusCircular, backgroundColor: tokens.colorBrandBackground },
  dotA: { width: '14px', height: '14px', top: '4px', right: '2px' },
  dotB: { width: '8px', height: '8px', bottom: '10px', left: '-2px', backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  icon: {
    position: 'absolute',
    inset: 0,
    margin: 'auto',
    fontSize: '56px',
    width: '56px',
    height: '56px',
    color: tokens.colorBrandForeground1,
  },
  title: { margin: 0 },
  text: { maxWidth: '46ch', color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface EmptyStateProps {
  icon: FluentIcon;
  title: string;
  description: string;
  hint?: string;
  children?: ReactNode;
  className?: string;
}

/** Placeholder for a page or list with nothing to show yet. */
export function EmptyState({ icon: Icon, title, description, hint, children, className }: EmptyStateProps) {
  const s = useStyles();
  return (
    <section className={mergeClasses(s.root, className)} aria-labelledby="empty-state-title">
      <div className={s.art} aria-hidden="true">
        <div className={s.ring} />
        <div className={s.halo} />
        <span className={mergeClasses(s.dot, s.dotA)} />
        <span className={mergeClasses(s.dot, s.dotB)} />
        <Icon className={s.icon} />
      </div>
      <Subtitle1 as="h2" id="empty-state-title" className={s.title}>
        {title}
      </Subtitle1>
      <Body1 className={s.text}>{description}</Body1>
      {hint && <Caption1 className={s.hint}>{hint}</Caption1>}
      {children}
    </section>
  );
}
