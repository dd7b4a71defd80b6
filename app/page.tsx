// `/`: the editor (components/workbench.tsx), which opens the default example on a first visit. A server component;
// the shell is client-side.
import { Workbench } from '@/components/workbench';

export default function HomePage() {
  return <Workbench />;
}
