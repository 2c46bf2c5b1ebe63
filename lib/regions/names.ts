// Short province names as used in running text and lists: 广西壮族自治区 → 广西, 江苏省 → 江苏.

const SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/u;

export function provinceShortName(fullName: string): string {
  return fullName.replace(SUFFIX, '');
}
