/**
 * Characters that must not reach the page from an imported name: C0/C1 controls, and the bidi
 * controls (U+200E/U+200F marks, U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates)
 * that can make "gpt-oss‮fdp.exe" read as something else (Trojan Source, CVE-2021-42574).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * An imported name (config.json `_name_or_path`, a pinned scenario's name, a model file's name) as
 * plain display text: control and bidi-control characters replaced by spaces, runs of white space
 * collapsed to one, trimmed, and at most `maxLength` characters. The one sanitiser every imported
 * name goes through before it is shown or stored.
 */
export function plainText(text: string, maxLength = 200): string {
  return text.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim().slice(0, maxLength);
}
