// One line per phrasebook write (and per attempt that reached the daemon), for the log: daemon,
// action, entry counts, backup file name, outcome. Built from outcome data only — a token never
// passes through here.

export interface AuditFacts {
  daemon: string;
  action: 'push' | 'revert' | 'pull';
  outcome: string;
  entriesBefore?: number;
  entriesAfter?: number;
  backupFilename?: string | null;
  rotatedBackups?: number;
  revertedTo?: string;
  detail?: string;
}

export function auditLine(facts: AuditFacts): string {
  const parts = [`daemon="${facts.daemon}"`, `action=${facts.action}`, `outcome=${facts.outcome}`];
  if (facts.entriesBefore !== undefined || facts.entriesAfter !== undefined) {
    parts.push(`entries=${facts.entriesBefore ?? '?'}→${facts.entriesAfter ?? '?'}`);
  }
  if (facts.backupFilename !== undefined) parts.push(`backup=${facts.backupFilename ?? 'none'}`);
  if (facts.rotatedBackups !== undefined) parts.push(`rotated=${facts.rotatedBackups}`);
  if (facts.revertedTo !== undefined) parts.push(`reverted_to=${facts.revertedTo}`);
  if (facts.detail) parts.push(`detail="${facts.detail.replace(/"/g, "'")}"`);
  return parts.join(' ');
}
