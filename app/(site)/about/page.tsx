import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { SITE_NAME, paths } from '@/lib/public/urls';

// A fully static page (no database): prerendered at build and served as is. The benchmark also
// uses it as the framework's ceiling for a page (scripts/bench-site.ts).
export const metadata: Metadata = {
  title: '关于本刊',
  description: `${SITE_NAME}的编排方式、数据口径、检索方法、订阅与数据接口。`,
  alternates: { canonical: '/about' },
};

const API = [
  ['/api/public/issues', '全部已发布期刊：期次、主题、发布日期、案例数'],
  ['/api/public/issues/{期次}', '一期的编者按与目录；期次调整后，旧期次的地址自动转到新期次'],
  ['/api/public/cases/{案例编号}', '一个案例的全文：地区、概况数据与概况句、各部分内容'],
  ['/api/public/search?q=…&issue=…&province=…&page=…', '检索，与检索页相同的排序与高亮片段'],
] as const;

export default function AboutPage() {
  return (
    <article style={{ maxWidth: '42rem' }}>
      <Breadcrumbs items={[{ href: paths.home(), label: '首页' }, { label: '关于本刊' }]} />
      <h1>关于本刊</h1>
      <p>
        《{SITE_NAME}》汇编各地推进以人为核心的新型城镇化的典型做法。每期围绕一个主题，收录若干案例；每个案例说明当地做了什么（主要做法）、为什么做（必要性）、取得了什么成效（主要成效），有的还列出存在问题和下一步考虑。
      </p>
      <h2>编排与编号</h2>
      <p>
        期次（第一期、第二期……）、案例序号（典型做法之1、之2……）和各部分序号（（一）（二）（三）……）均按顺序自动生成。期次或案例顺序调整后，已发布的链接仍然有效：案例网址以案例编号为准，不随顺序变化；期次调整后，旧期次网址自动跳转到新期次。
      </p>
      <h2>概况数据</h2>
      <p>
        案例页右侧的“概况”列出当地的国土面积、常住人口（注明城区、市域、辖区内、县域、省域或镇域口径）、常住人口城镇化率、地区生产总值和一般公共预算收入，并据此生成概况句。未提供的数据不予显示。期刊页的“数据比较”只比较给出了相应数据的案例；常住人口口径不同，比较时请留意括注。
      </p>
      <h2>检索</h2>
      <p>
        检索支持两个字的词（如“教育”“住房”）和完整词组（如“住房公积金”），可按期次和省份筛选。标题中出现检索词的案例排在前面，结果中的匹配文字以底色标出。城市群案例计入其涉及的每个省份。
      </p>
      <h2>订阅与数据接口</h2>
      <p>
        可通过 <a href={paths.feed()}>Atom 订阅</a> 获取新发布的案例，通过 <a href="/sitemap.xml">站点地图</a> 浏览全部页面。只读数据接口以 JSON 格式提供已发布的内容，无需登录，允许跨域读取：
      </p>
      <dl>
        {API.map(([path, what]) => (
          <div key={path} style={{ marginBottom: '0.75rem' }}>
            <dt>
              <code>{path}</code>
            </dt>
            <dd style={{ margin: 0 }}>{what}</dd>
          </div>
        ))}
      </dl>
      <h2>引用</h2>
      <p>引用案例时，请注明刊名、期次、案例序号与发布日期，例如：《{SITE_NAME}》第一期，典型做法之2，2026年11月25日。</p>
      <h2>说明</h2>
      <p>本站只刊载经审核并正式发布的案例。尚未发布或已撤回的内容不会出现在本站的任何页面、检索结果、订阅或数据接口中。</p>
    </article>
  );
}
