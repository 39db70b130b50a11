// Every byte the CLI prints goes through the one output sanitizer (core/text/sanitize.ts): daemon
// and file text could otherwise carry ESC/CSI/OSC sequences, BEL, CR or bidi overrides to the
// operator's terminal. Commands still escape a daemon string that must stay on one line (its line
// breaks too); this wrapper is the net under them that keeps our own line breaks.
import { escapeControls } from '../core/text/sanitize';
import type { CliIo, CliOutput } from './args';

const RAW = Symbol('raw terminal stream');

interface SanitizedOutput extends CliOutput {
  readonly [RAW]: CliOutput;
}

function sanitizedOutput(output: CliOutput): SanitizedOutput {
  return {
    write: (text: string) => output.write(escapeControls(String(text), 'keep')),
    get isTTY() {
      return output.isTTY;
    },
    [RAW]: output,
  };
}

export function sanitizedIo(io: CliIo): CliIo {
  return { ...io, stdout: sanitizedOutput(io.stdout), stderr: sanitizedOutput(io.stderr) };
}

/**
 * The stream under the sanitizer, for readline only: it writes its own cursor-control sequences.
 * Whatever it is given to print must be escaped by the caller.
 */
export function rawOutput(output: CliOutput): CliOutput {
  return (output as Partial<SanitizedOutput>)[RAW] ?? output;
}
