/**
 * `npm run --silent score < request.json`: the same validation and engine as POST /v1/score.
 * Prints the response JSON on stdout; invalid input prints the same field errors as the HTTP API
 * (JSON on stderr) and exits with code 1.
 */
import { ScoreRequest } from './schemas';
import { scoreRequest } from './engine/score';
import { toErrorBody } from './errors';
import { ValidationError, fieldErrors } from './validation';

const MAX_INPUT_BYTES = 10 * 1024 * 1024;

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_INPUT_BYTES)
      throw new ValidationError([{ path: '', message: 'input is larger than 10 MiB' }], 'Input too large');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Parses, validates and scores; returns [exitCode, stdout, stderr]. Exported for tests. */
export async function runCli(input: Buffer): Promise<[number, string, string]> {
  try {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new ValidationError([{ path: '', message: 'must be valid UTF-8' }], 'Input is not valid UTF-8');
    }
    if (text.trim().length === 0)
      throw new ValidationError([{ path: '', message: 'is required' }], 'Input is empty');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ValidationError([{ path: '', message: 'must be valid JSON' }], 'Input is not valid JSON');
    }
    const errors = fieldErrors(ScoreRequest, body);
    if (errors.length > 0) throw new ValidationError(errors);
    const response = await scoreRequest(body as ScoreRequest);
    return [0, JSON.stringify(response, null, 2) + '\n', ''];
  } catch (err) {
    const body = toErrorBody(err as Error);
    return [1, '', JSON.stringify(body, null, 2) + '\n'];
  }
}

if (require.main === module) {
  readStdin()
    .then(runCli, (err: unknown): [number, string, string] => [
      1,
      '',
      JSON.stringify(toErrorBody(err as Error), null, 2) + '\n'
    ])
    .then(([code, out, errText]) => {
      if (out) process.stdout.write(out);
      if (errText) process.stderr.write(errText);
      process.exitCode = code;
    });
}
