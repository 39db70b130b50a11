// The part of KoraClient the phrasebook operations use. Operations take this narrow view so the
// unit tests can hand them a real client against the fake daemon, or a stub for an edge case.
import type { KoraClient } from '../../daemon/client';

export type PhrasebookOpsClient = Pick<
  KoraClient,
  'getPhrasebook' | 'putPhrasebook' | 'revertPhrasebook' | 'getPhrasebookBackups' | 'testPhrasebook' | 'getSnapshot'
>;
