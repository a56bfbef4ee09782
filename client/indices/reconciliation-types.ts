import type { PortalIndicator, ReconciliationReason } from '../../surveys/portal-figures';

export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

/** One row of GET /api/indices/766/reconciliation. */
export interface ReconciliationRow {
  id: number;
  unit: { id: number; code: string; name: string };
  indicator: PortalIndicator;
  from: string;
  to: string;
  portal: number;
  note: string;
  hailong: Ratio;
  difference: number | null;
  explanation: {
    dossierChannel: 'online' | null;
    counts: Record<ReconciliationReason, number>;
    failed: { hailong: number; portal: number; more: number } | null;
    ratedOnly: Ratio | null;
  };
}

export interface FigureBody {
  unitId: number;
  indicator: PortalIndicator;
  from: string;
  to: string;
  value: string;
  note: string;
}

export interface SavedFigure {
  id: number;
  value: number;
  replaced: { value: number; note: string } | null;
}

export interface ReasonDossier {
  code: string;
  procedureCode: string;
  procedureName: string;
  unitCode: string;
  channel: string;
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
  rating: number | null;
  ratingScale: number | null;
  complained: boolean;
}

export interface ReasonPage {
  total: number;
  next: number | null;
  dossiers: ReasonDossier[];
}

/** Which list of dossiers to show: a row's unit and period, one reason. */
export interface ReasonQuery {
  unit: number;
  from: string;
  to: string;
  reason: ReconciliationReason;
  dossierChannel?: 'online' | undefined;
}
