import { bundleIcon, HatGraduationFilled, HatGraduationRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import type { PageDef } from '../../shell/pageTypes';

const Icon = bundleIcon(HatGraduationFilled, HatGraduationRegular);
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
