// The PUT route answers 422 in two shapes (contract §3.3): the Kora validator's
// `{"error":"validation_failed","errors":[...]}` and FastAPI's `{"detail":[{loc,msg,type}]}` when the
// request body is not a JSON object. Both become one list of `{entry_index, field, error}`.

import { fastApiValidationBodySchema, validationFailedBodySchema, type PhrasebookValidationError } from './schemas';

const ROOT_FIELD = '_root';
const ROOT_ENTRY_INDEX = -1;

export interface NormalizedValidation {
  /** Which body shape the daemon used; `unrecognized` keeps the excerpt as one root error. */
  shape: 'validation_failed' | 'fastapi_detail' | 'unrecognized';
  errors: PhrasebookValidationError[];
  /** The parsed body as received (undefined when it was not JSON). */
  body: unknown;
}

const ENTRY_FIELDS = new Set(['pattern', 'category', 'description', 'reply_template']);

export function normalizeValidationBody(body: unknown, bodyExcerpt: string): NormalizedValidation {
  const kora = validationFailedBodySchema.safeParse(body);
  if (kora.success) {
    return {
      shape: 'validation_failed',
      errors: kora.data.errors.map(({ entry_index, field, error }) => ({ entry_index, field, error })),
      body,
    };
  }
  const fastApi = fastApiValidationBodySchema.safeParse(body);
  if (fastApi.success) {
    return {
      shape: 'fastapi_detail',
      errors: fastApi.data.detail.map((item) => ({ ...locationOf(item.loc), error: item.msg })),
      body,
    };
  }
  return {
    shape: 'unrecognized',
    errors: [
      {
        entry_index: ROOT_ENTRY_INDEX,
        field: ROOT_FIELD,
        error: bodyExcerpt || 'the daemon rejected the phrasebook (HTTP 422)',
      },
    ],
    body,
  };
}

/** `["body","entries",3,"pattern"]` → entry 3, field pattern; anything else is a root error. */
function locationOf(loc: readonly (string | number)[]): { entry_index: number; field: string } {
  const entriesAt = loc.indexOf('entries');
  const index = entriesAt >= 0 ? loc[entriesAt + 1] : undefined;
  if (typeof index !== 'number') return { entry_index: ROOT_ENTRY_INDEX, field: ROOT_FIELD };
  const field = loc[entriesAt + 2];
  return { entry_index: index, field: typeof field === 'string' && ENTRY_FIELDS.has(field) ? field : ROOT_FIELD };
}
