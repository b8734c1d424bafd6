import { PacketScoring, SessionScoring } from './CalibrationScoring';
import { HistoryView } from './HistoryView';
import { PacketPage } from './PacketPage';
import { ProfilePrompt } from '../reviews/workspace/ProfilePrompt';
import { NewSession } from './SessionEditor';
import { SessionList } from './SessionList';
import { SessionPage } from './SessionPage';
import { useCalibrationNav } from './store';
import './calibration.css';

/**
 * Calibration: sessions where several evaluators score the same interactions blind, the reveal
 * where they compare and agree, agreement statistics that correct for chance, and packets for
 * evaluators who score on their own machines.
 */
export function CalibrationTab() {
  const view = useCalibrationNav((s) => s.view);
  return (
    <div className="cal-tab">
      <ProfilePrompt />
      {view.kind === 'list' && <SessionList />}
      {view.kind === 'new' && <NewSession />}
      {view.kind === 'session' && <SessionPage key={view.sessionId} sessionId={view.sessionId} />}
      {view.kind === 'score' && <SessionScoring sessionId={view.sessionId} reviewId={view.reviewId} />}
      {view.kind === 'packet' && <PacketPage key={view.sessionId} sessionId={view.sessionId} />}
      {view.kind === 'packetScore' && (
        <PacketScoring sessionId={view.sessionId} interactionId={view.interactionId} />
      )}
      {view.kind === 'history' && <HistoryView />}
    </div>
  );
}
