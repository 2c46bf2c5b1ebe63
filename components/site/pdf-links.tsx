import type { PublicPdf } from '@/lib/public/editions';

/** 1.2 MB, 360 KB: how big a download is, as readers judge it. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** “下载本期PDF（1.2 MB，36页）”: the printable edition, when it has been made. */
export function PdfLink({ pdf, of }: { pdf: PublicPdf | null; of: '本期' | '本文' }) {
  if (!pdf) return null;
  return (
    <p className="pdf-link no-print">
      <a href={pdf.url} type="application/pdf">
        下载{of}PDF（{formatFileSize(pdf.size)}，{pdf.pages}页）
      </a>
    </p>
  );
}
