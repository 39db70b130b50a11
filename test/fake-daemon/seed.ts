// The daemon's bundled seed phrasebook (contract §5.4), in order.

export interface PhrasebookEntry {
  pattern: string;
  category: string;
  description: string;
  reply_template: string;
}

export const SEED_ENTRIES: readonly PhrasebookEntry[] = [
  {
    pattern: String.raw`^(hey|hi|hello|yo|sup)[\s!.]*$`,
    category: 'greeting',
    description: 'Bare greeting with no other content',
    reply_template: "Hey. What's up?",
  },
  {
    pattern: String.raw`^(thanks|thx|ty|tysm|thank you|appreciate it|appreciate that)[\s.!]*$`,
    category: 'thanks',
    description: 'Operator acknowledgment, no follow-up needed',
    reply_template: 'Anytime.',
  },
  {
    pattern: String.raw`^(ack|acknowledged|got it|k|ok|okay|kk|sounds good|cool)[\s.!]*$`,
    category: 'ack',
    description: 'Operator ack, no reply substance needed',
    reply_template: '\u{1F44D}',
  },
  {
    pattern: String.raw`^(burn|cost|spend|how ?much|what'?s? my burn|what'?s? the burn|whats the spend)[\s.?!]*$`,
    category: 'burn_query',
    description: 'Single-clause cost / burn inquiry',
    reply_template:
      '{snapshot.cost_ladder.monthly_budget_pct_used}% of monthly budget used. Tier: {snapshot.cost_ladder.current_tier}.',
  },
  {
    pattern: String.raw`^(status|state|how ?are (you|things)|how'?s? it going|whats up|what'?s? up)[\s.?!]*$`,
    category: 'status_query',
    description: 'General "are you alive / how are things"',
    reply_template:
      'Operational state: {snapshot.operational_state.primary}. {snapshot.alerts.active_count} active alert(s).',
  },
  {
    pattern: String.raw`^(any alerts|alerts|what'?s? alerting|what'?s? firing|whats firing)[\s.?!]*$`,
    category: 'alert_query',
    description: 'Direct alert-count inquiry',
    reply_template:
      '{snapshot.alerts.active_count} active: {snapshot.alerts.by_severity.critical} crit / {snapshot.alerts.by_severity.warning} warn / {snapshot.alerts.by_severity.info} info.',
  },
  {
    pattern: String.raw`^(health|service health|services?|service status)[\s.?!]*$`,
    category: 'health_query',
    description: 'External-service health rollup',
    reply_template:
      'Supabase: {snapshot.service_health.supabase} \u00b7 Fly: {snapshot.service_health.fly} \u00b7 Vercel: {snapshot.service_health.vercel} \u00b7 Sentry: {snapshot.service_health.sentry} \u00b7 Doppler: {snapshot.service_health.doppler}.',
  },
  {
    pattern: String.raw`^(are you paused|paused\?|you paused\??|are you stopped|stopped\??)[\s.?!]*$`,
    category: 'pause_check',
    description: 'Quick "are you running" probe',
    reply_template: 'Primary state: {snapshot.operational_state.primary}. Paused: {snapshot.operational_state.paused}.',
  },
];
