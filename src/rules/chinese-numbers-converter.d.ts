/** Types for chinese-numbers-converter 2.3.1 (the package ships none). */
declare module "chinese-numbers-converter" {
  export default class ChineseNumber {
    constructor(text: string);
    /** The first number in the text as a JS number (Chinese, Arabic or mixed: 二十万, 1.5万, 两万). */
    toInteger(): number;
    /** The text with every Chinese number written in Arabic digits. */
    toArabicString(minChars?: number): string;
  }
}
