import { Card, CardHeader, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A titled card; pages are made of these. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <Card style={{ marginBottom: 16 }} id={id}>
      <CardHeader header={<Subtitle2 as="h2">{title}</Subtitle2>} />
      {children}
    </Card>
  );
}
