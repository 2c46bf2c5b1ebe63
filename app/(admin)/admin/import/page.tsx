import type { Metadata } from 'next';
import { ImportScreen } from '@/components/admin/import/import-screen';
import { requirePagePermission } from '@/lib/admin/session';

export const metadata: Metadata = { title: '导入' };

export default async function ImportPage() {
  await requirePagePermission('case.create', '/admin/import');
  return (
    <>
      <div className="page-header">
        <div>
          <h1>导入案例汇编</h1>
          <p className="sub">上传 Word（.docx）、文本（.txt）或导出的 JSON，或直接粘贴文本。先预览解析结果和全部提示，确认后才写入，导入的案例均为草稿。</p>
        </div>
      </div>
      <ImportScreen />
    </>
  );
}
