import { bundleIcon, HatGraduation20Filled, HatGraduation20Regular, HatGraduationRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import type { PageDef } from '../../shell/pageTypes';

/** Nav icon: 20px, filled when selected. */
const Icon = bundleIcon(HatGraduation20Filled, HatGraduation20Regular);
const title = 'Training';
const subtitle = 'Training days, recordings and your progress.';

export function TrainingPage() {
  return (
    <PageLayout title={title} subtitle={subtitle}>
      <EmptyState
        icon={HatGraduationRegular}
        title="Training days will appear here"
        description="Unlocked training days with presentations, resources and recordings, and how far you have got with each."
        hint="This page is being built."
      />
    </PageLayout>
  );
}

export const trainingPage: PageDef = {
  id: 'training',
  title,
  subtitle,
  icon: Icon,
  Component: TrainingPage,
};
