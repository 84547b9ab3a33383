/**
 * Folds full-width ASCII (common from Chinese IMEs: "ＡＢ１２", "１２／１２") to half-width, one code unit for
 * one, so offsets found in the folded text still point into the original text (unlike NFKC).
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}
