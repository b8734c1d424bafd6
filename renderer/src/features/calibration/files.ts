import { ANSWERS_EXTENSION, PACKET_EXTENSION } from '../../../../shared/calibration/files';
import type { CalibrationAnswersImported } from '../../../../shared/ipc/contracts/calibration';
import type { CalibrationPacketOpened } from '../../../../shared/ipc/contracts/calibrationPacket';
import { useNavigation } from '../../app/navigation';
import { notify } from '../../app/store';
import { call } from '../../lib/api';
import { downloadJson } from '../reviews/forms/download';
import { useReviewsNav } from '../reviews/store';
import { showCalibration, useCalibrationNav } from './store';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * File ▸ Open calibration packet, and the button of the same name: the shell's open dialog (an
 * upload in the dev bridge), then the backend reads exactly that file.
 */
export async function openPacketFile(): Promise<CalibrationPacketOpened | null> {
  try {
    const file = await call('chooseOpenFile', {
      title: 'Open calibration packet',
      filters: [{ name: 'Calibration packet', extensions: [PACKET_EXTENSION, 'json'] }],
    });
    if (!file) return null;
    const opened = await call('openCalibrationPacket', { path: file.path });
    notify(
      opened.alreadyOpen
        ? `"${opened.name}" was already open here; nothing changed.`
        : `Opened the calibration packet "${opened.name}" from ${opened.exportedBy}.`,
      'success',
    );
    useCalibrationNav.getState().refresh();
    showCalibration({ kind: 'packet', sessionId: opened.sessionId });
    return opened;
  } catch (error) {
    notify(`The packet was not opened: ${message(error)}`, 'error');
    return null;
  }
}

/** Import answers…: one answers file at a time; the backend's sentence when it is refused. */
export async function importAnswersFile(): Promise<CalibrationAnswersImported | null> {
  try {
    const file = await call('chooseOpenFile', {
      title: 'Import calibration answers',
      filters: [{ name: 'Calibration answers', extensions: [ANSWERS_EXTENSION, 'json'] }],
    });
    if (!file) return null;
    const result = await call('importCalibrationAnswers', { path: file.path });
    notify(
      result.alreadyImported
        ? `${file.name} was already imported; nothing changed.`
        : `${result.evaluator}'s answers to "${result.sessionName}": ${result.added} added, ${result.unchanged} already here.`,
      'success',
    );
    useCalibrationNav.getState().refresh();
    return result;
  } catch (error) {
    notify(`Nothing was imported: ${message(error)}`, 'error');
    return null;
  }
}

export async function exportPacket(sessionId: string): Promise<void> {
  try {
    const packet = await call('exportCalibrationPacket', { sessionId });
    downloadJson(packet.fileName, packet.json);
    notify(`Saved ${packet.fileName}: send it to the evaluators who score on their own machines.`, 'success');
  } catch (error) {
    notify(`The packet was not exported: ${message(error)}`, 'error');
  }
}

export async function exportAnswers(sessionId: string): Promise<void> {
  try {
    const answers = await call('exportCalibrationAnswers', { sessionId });
    downloadJson(answers.fileName, answers.json);
    notify(
      `Saved ${answers.fileName} with ${answers.reviews} of ${answers.of} interactions: send it back to the lead.`,
      'success',
    );
  } catch (error) {
    notify(`The answers were not exported: ${message(error)}`, 'error');
  }
}

/** File ▸ Open calibration packet…: shows the Calibration tab, then the open dialog. */
export function openPacketFromMenu(): Promise<CalibrationPacketOpened | null> {
  useNavigation.getState().navigate('reviews');
  useReviewsNav.getState().showTab('calibration');
  return openPacketFile();
}
