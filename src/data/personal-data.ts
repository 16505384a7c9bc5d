/**
 * Personal data in the sample form (法定代表人 / 实际负责人: 姓名, 手机, 邮箱) is not part of the
 * model: an importer drops those columns, reports that it did, and never shows or exports them.
 * Input is a header already normalised by `normalizeHeader` (its `base`).
 */
const PERSON = /法定代表人|法人代表|实际负责人|负责人|联系人|legal_?representative|contact/;
const CONTACT = /^(姓名|手机|手机号|手机号码|电话|联系电话|联系方式|邮箱|电子邮箱|电子邮件|e-?mail|身份证号|身份证号码|phone|mobile)$/;

export function isPersonalHeader(base: string): boolean {
  return PERSON.test(base) || CONTACT.test(base);
}
