// `/`: a built-in example, read-only on the canvas, with a Run button. A server component; the shell is client-side.
import { Workbench } from '@/components/workbench';

export default function HomePage() {
  return <Workbench />;
}
