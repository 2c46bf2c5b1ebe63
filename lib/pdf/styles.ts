import { BODY_SIZE, COLORS, type TextStyle } from './typesetter';

// The editions' type, after the print stylesheet: 11pt text at 1.8, bold serif headings, the
// site's red only for labels.

export const BODY: TextStyle = { weight: 'regular', size: BODY_SIZE, lineHeight: 1.8 };
export const TITLE: TextStyle = { weight: 'bold', size: 18, lineHeight: 1.45 };
export const SECTION_HEADING: TextStyle = { weight: 'bold', size: 12.5, lineHeight: 1.7 };
export const KICKER: TextStyle = { weight: 'regular', size: 10, lineHeight: 1.7, color: COLORS.accent };
export const META: TextStyle = { weight: 'regular', size: 9.5, lineHeight: 1.7, color: COLORS.muted };
export const BOX_HEADING: TextStyle = { weight: 'bold', size: 10.5, lineHeight: 1.7 };
export const BOX_TEXT: TextStyle = { weight: 'regular', size: 10, lineHeight: 1.7 };
export const BOX_VALUE: TextStyle = { weight: 'bold', size: 10, lineHeight: 1.7 };
export const RUNNING: TextStyle = { weight: 'regular', size: 8.5, lineHeight: 1.2, color: COLORS.muted };
export const PAGE_HEADING: TextStyle = { weight: 'bold', size: 16, lineHeight: 1.6 };
export const TOC_SECTION: TextStyle = { weight: 'bold', size: 11.5, lineHeight: 1.8 };
export const TOC_LABEL: TextStyle = { weight: 'regular', size: 10.5, lineHeight: 1.7, color: COLORS.accent };
export const TOC_TITLE: TextStyle = { weight: 'regular', size: 10.5, lineHeight: 1.7 };
