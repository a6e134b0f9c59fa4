'use client';
import { Overview } from '../../ui/overview/overview';

export default function OverviewPage() {
  return <Overview />;
}
