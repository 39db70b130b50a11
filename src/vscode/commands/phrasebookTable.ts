// The commands the phrasebook bundle implements (the main bundle registers a shell for each id of
// PHRASEBOOK_COMMANDS that calls in here). Imported by the phrasebook bundle only.
import { COMMAND, type PhrasebookCommandId } from '../constants';
import type { PhrasebookCommandFactory } from '../../phrasebookFeatures';
import { addTestCase } from './addTestCase';
import { compareBackupWithLive } from './compareBackupWithLive';
import { copyBackupFileName } from './copyBackupFileName';
import { openLivePhrasebook } from './openLivePhrasebook';
import { pullPhrasebook } from './pullPhrasebook';
import { pushPhrasebook } from './pushPhrasebook';
import { revertPhrasebook } from './revertPhrasebook';
import { revertToBackup } from './revertToBackup';
import { testMessage } from './testMessage';

export const PHRASEBOOK_COMMAND_TABLE: Record<PhrasebookCommandId, PhrasebookCommandFactory> = {
  [COMMAND.openLivePhrasebook]: openLivePhrasebook,
  [COMMAND.pullPhrasebook]: pullPhrasebook,
  [COMMAND.pushPhrasebook]: pushPhrasebook,
  [COMMAND.revertPhrasebook]: revertPhrasebook,
  [COMMAND.revertToBackup]: revertToBackup,
  [COMMAND.compareBackupWithLive]: compareBackupWithLive,
  [COMMAND.copyBackupFileName]: copyBackupFileName,
  [COMMAND.testMessage]: testMessage,
  [COMMAND.addTestCase]: addTestCase,
};
