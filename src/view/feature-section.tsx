import type { ReactNode } from 'react';
import { Section, useSectionVisible } from '../components/ui/section';
import { ScenarioScope } from '../store/scenario-scope';

function SectionScope({ children }: { children: ReactNode }) {
  return <ScenarioScope active={useSectionVisible()}>{children}</ScenarioScope>;
}

/**
 * A page section whose charts follow the store while the section is on screen (the kit's
 * `Section` knows nothing of the store; this puts a `ScenarioScope` inside it).
 */
export function FeatureSection(props: Parameters<typeof Section>[0]) {
  const { children, ...rest } = props;
  return (
    <Section {...rest}>
      <SectionScope>{children}</SectionScope>
    </Section>
  );
}
