'use client';
import '../../../../ui/desired/desired.css';
import { PlanEditor } from '../../../../ui/desired/plan-editor';

/** /desired/plan/: dry run of pasted or uploaded YAML, then apply. */
export default function PlanPage() {
  return <PlanEditor />;
}
