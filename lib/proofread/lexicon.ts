// Word lists for telling a counter (个, 家, 人 …) that lost its numeral from the same character
// inside an ordinary word (个人, 国家, 老人). `before`: characters X for which X+counter is a
// word; `after`: characters Y for which counter+Y is a word. Kept as strings to stay compact.

export interface CounterWords {
  before: string;
  after: string;
}

const DEMONSTRATIVES = '一两几这那哪每各某该此本整单逐半数多首上下';

export const COUNTERS: Readonly<Record<string, CounterWords>> = {
  人: {
    // 个人, 老人, 负责人, 申请人, 年轻人, 残疾人, 很多人 …
    before:
      DEMONSTRATIVES +
      '个本他别老病工家军商私客成名亲主法众国新好外诗艺盲犯族世前后证媒猎恋情爱敌超巨伟凡仙贵匠达文哲' +
      '行路旁友夫妇男女丈古今常穷富华洋强能传年疾责事任理护请有存包保险款税议表办起诉告选头承益资伙始' +
      '系报言持借收付地里村书化轻器生己乡代经的真坏恶善小大罪僧熟聋哑托害疑绍荐让租营用利务养内来班门' +
      '助访然纪何少其件邻舍宫人',
    after:
      '员口群们才民士事力均身生数类家文气心工物性格权情间造行居社防大头体道为像脸证选缘手际寿品世马影' +
      '声海流车和机多少次人',
  },
  名: {
    before: DEMONSTRATIVES + '姓署报提排命点签实更冠地书罪有出著知闻驰盛虚美声功题化笔别小匿具同联域品挂成莫无记除人慕盗茂易英正威芳大',
    after: '单称义字额录牌校医胜列副誉片师下言气望利次声人家作句贵流门城目山镇村企店品厨园曲篇画菜优',
  },
  个: {
    before: DEMONSTRATIVES + '个是有这那上下么打做来搞找真挨干',
    after: '人体别性税案子头儿中位数旧',
  },
  家: {
    before:
      DEMONSTRATIVES +
      '国大专作农管商厂买卖玩赢输行业学术画自人回到在安成全居老婆娘东独亲名当起持搬离顾公皇百千万庄渔' +
      '船店酒儒道法兵史政治论育仇冤邻养兴发想略动明险住的',
    after: '庭长乡园门属居具政电风族务用家里中人底境访教畜禽事装纺规训谱业产当常传史书宴丑眷伙计道小私世国财父母兄校暴医',
  },
  户: {
    before: DEMONSTRATIVES + '农住用客商账帐开落门窗散大专体困入立租包储猎佃贫保首网难业产殖工民军万千家植置扶迁测对点',
    after: '籍口外型主均户内数头',
  },
  所: {
    before: DEMONSTRATIVES + '场厕诊住究出务儿待容难处寓会易生无挥测业电政法经健验证计医守留毒教理管技商地土置居',
    after: '有以在属得谓需处辖长致获要用述示作为属欲',
  },
  套: {
    before: DEMONSTRATIVES + '配成整手外圈俗老全客上被枕笔',
    after: '餐用路房装票利取现话',
  },
  张: {
    before: DEMONSTRATIVES + '紧主扩开夸嚣铺伸慌纸乖声更小老',
    after: '贴家口望罗扬开力挂',
  },
  件: {
    before:
      DEMONSTRATIVES +
      '文条案事软硬部零配信邮证附要稿物元组插快急密原印构工铸器函来电挂摆锻标样备散诉复批调办',
    after: '数事',
  },
  项: {
    // 大项, 小项: 运动大项 is a kind of event, not a count.
    before: DEMONSTRATIVES + '事款强弱选立专分进用缺漏列主子移说颈减加细奖定大小',
    after: '目下链城',
  },
  列: {
    before: DEMONSTRATIVES + '系行排并陈序前下上罗队分开名位首末左右同双专出班',
    after: '车入出为举席表明宁支岛强',
  },
  条: {
    before: DEMONSTRATIVES + '金面油便苗线链布纸教信发萧收欠借字封头',
    after: '件例款文目理约幅形码状块纹规',
  },
  座: {
    before: DEMONSTRATIVES + '讲宝满在入就星底基茶客',
    after: '谈位次右椅驾席',
  },
  台: {
    before: DEMONSTRATIVES + '舞平讲上下前后站柜电灶阳窗月烛擂戏出登砚看同对',
    after: '湾州风阶账面词球商胞资企',
  },
  辆: { before: DEMONSTRATIVES + '车', after: '' },
  期: {
    before: DEMONSTRATIVES + '时长近到定同前后中初末晚早周工学假日预如逾延过分按限刑任汛当上下首星',
    after: '间限待望盼末初中刊货满内许',
  },
  批: {
    before: DEMONSTRATIVES + '审报获分首大成',
    after: '准复示评判次量发件',
  },
  类: {
    before: DEMONSTRATIVES + '人分种门归同异另品大小各这鸟鱼肉',
    after: '型别似推比',
  },
  次: {
    before: DEMONSTRATIVES + '人车班批档层名首再其依屡历架场频位座户轮年席主渐乘',
    after: '数要序日第年生级之均品于',
  },
  处: {
    before:
      DEMONSTRATIVES +
      '到各此何好难住远近深身相别出去长短益用办理分科管处四某查惩判论共妥善独定彼高低暗明痛坏一实',
    after: '理置于在分长事级室所境罚方以',
  },
  笔: {
    before: DEMONSTRATIVES + '动提执落下文钢毛铅画手亲伏败神妙主代绝随粉蜡',
    after: '记者试名画墨直触迹下录杆尖者',
  },
  届: { before: DEMONSTRATIVES + '应换往历本首上下任', after: '时满期' },
  轮: { before: DEMONSTRATIVES + '车齿年巨货油新本首上下', after: '流换椅船番廓胎回值训岗转' },
  场: {
    before: DEMONSTRATIVES + '市广机现农商会战立剧球考赛工当在到出登入收官职牧林渔猪屠磁主上下同',
    after: '景所地合面馆次内外均',
  },
  支: {
    before: DEMONSTRATIVES + '开收分预透超借度干旁树党不',
    after: '持付援部柱出撑配队书教点行流取票',
  },
  // 艘, 栋, 幢 and 趟 only ever count: boats, buildings, trips (栋梁 and 幢幢 aside).
  艘: { before: DEMONSTRATIVES, after: '' },
  栋: { before: DEMONSTRATIVES + '雕', after: '梁' },
  幢: { before: DEMONSTRATIVES, after: '' },
  趟: { before: DEMONSTRATIVES, after: '水' },
  // 款 counts products and models: 发布金融产品（326）款.
  款: {
    before: DEMONSTRATIVES + '贷存付捐罚拨欠条借汇现公专余善赔首尾筹放还收退货房车新爆同落',
    after: '项式待',
  },
  // 宗 counts parcels and transactions: 出让标准地（126）宗, 交易（4860）宗.
  宗: {
    before: DEMONSTRATIVES + '祖正大卷同归禅开列',
    after: '教旨族祠亲师派室庙',
  },
  // 种 counts kinds: 覆盖（374）种药品; 种植, 品种, 播种 are words.
  种: {
    before: DEMONSTRATIVES + '品物兵工险语播耕栽良育接轮套特火人杂军剧病树鱼菌蚕稻麦谷黄变机车税币业多各',
    after: '植类子族养粮业地田草苗源质猪畜禽树菜花籽群种',
  },
  位: {
    before: DEMONSTRATIVES + '单岗地学职座床车泊定到诸部品方席铺摊站首本错就让上退名爵水价点穴',
    after: '置于列次居数',
  },
};

/** Counters a preposition or 了 counts with: 以（3）家龙头企业, 新建成了（18）所学校. 张 is a surname, 期 makes 以期/为期. */
export const OBJECT_COUNTERS: ReadonlySet<string> = new Set([...'个家所项名件套条座台辆支处笔场批户']);

/**
 * Counter words that give way when the next character opens a longer word: 个中 before 中心
 * (以（12）个中心镇), 家医 before 医院 (全县（5）家医院), 名优 before 优秀 (超过（200）名优秀干部).
 * Only these: the dictionary misses words such as 家门口 and splits 家国情怀 as 家 + 国情, so it
 * cannot decide for every counter.
 */
export const WEAK_AFTER: Readonly<Record<string, string>> = { 个: '中', 家: '医', 名: '优' };

/**
 * Words after which a number is grammatically due: "超过（N）人", "近（N）个", "达（N）亿元".
 * Longest first so "多达" wins over "达".
 */
export const QUANTITY_CUES = [
  '压缩至', '缩短至', '缩减至', '控制在', '保持在', '稳定在', '维持在', '不超过', '不少于', '提高到', '提升到',
  '增加到', '扩大到', '缩短到', '压缩到', '减少到',
  // 由8930人上升为（15467）人: a change stated by its end point.
  '上升为', '下降为', '提高为', '增加为', '减少为', '降低为', '扩大为', '缩小为',
  '超过', '达到', '多达', '高达', '增至', '减至', '降至',
  '升至', '不足', '不到', '突破', '共计', '累计', '合计', '总计', '仅有', '共有', '拥有', '近', '约', '逾',
  '达', '仅', '共', '余',
] as const;

/** Verbs of change that take a multiple or a share: 增长（N）倍, 减少（N）成, 提高（N）个百分点. */
export const CHANGE_VERBS = [
  '增长', '提高', '提升', '增加', '扩大', '下降', '降低', '减少', '缩小', '缩短', '压缩', '翻', '上升', '回落',
] as const;

/** Verbs that take a count as their object; "开行（N）列", "流动（N）多人次", "实现（N）万…". */
export const COUNT_VERBS = [
  '开行', '流动', '发送', '运送', '接待', '就业', '入住', '培训', '帮扶', '救助', '安置', '吸纳', '带动',
  '惠及', '受益', '培养', '输送', '引进', '招募', '招聘', '录用', '新增', '增加', '减少', '发放', '办理',
  '建成', '开设', '完成', '实现', '开工', '投运', '转移', '资助', '补贴', '参保', '接收', '录取', '新建',
  '新设', '设立', '成立', '签约', '举办', '开通', '安排', '投资', '收入', '总值', '制发', '保障', '服务',
  '解决', '覆盖', '开展', '举办', '召开', '组织', '排查', '整治', '流转', '打通', '改造', '受理', '办结', '化解',
  '调解', '处置', '签订', '推出', '上线', '竣工', '认定', '走访', '慰问', '选派', '派驻', '入驻', '创建',
  '吸引', '招引', '落地', '新开', '培育', '结对', '对接', '开辟', '铺设', '种植', '创业',
  // casualties are counted: 共死亡（21242）人。
  '死亡', '受伤', '遇难', '失踪',
] as const;

/** Characters that may follow an Arabic number directly: units, counters, time, magnitude … */
export const AFTER_DIGIT =
  '个家名人户所套张件项条座台辆列次位批类种处栋幢间部本册份篇首架艘只头匹株棵亩吨元角分米克升度岁周' +
  '天日月年时秒倍成层级期届轮场宗起笔单片块根组对双支趟班站段节环号路线区县镇村市省国大强星色方面点' +
  '门校例颗粒枚包箱瓶袋斤两公千万亿百十多余左上下以至到和与或及比型英里寸尺平立毫微兆刻遍声步拨波盏' +
  '封枝朵顿餐票胎代辈季旬晚夜更卷集章回帧幅副课科床盘后前内外中来小亿兆项所宫道关式版届位楼室车居';

/** Idioms and names in which 万/亿 is not a lost figure's magnitude. */
export const MAGNITUDE_WORDS = [
  '数以万计', '数以亿计', '以万计', '以亿计', '千家万户', '千军万马', '千山万水', '千言万语', '千变万化', '千差万别', '千辛万苦', '千丝万缕', '千秋万代',
  '千真万确', '万无一失', '包罗万象', '气象万千', '日理万机', '一本万利', '腰缠万贯', '十万火急', '万众一心',
  '万家灯火', '万人空巷', '成千上万', '千千万万', '万一', '万分', '万物', '万众', '万象', '万里', '万千',
  '万岁', '万能', '万州', '万达', '万科', '万般', '万事', '万古', '万恶', '万全', '万幸', '万紫', '万水',
  '万马', '万籁', '万寿', '万国', '万宁', '万载', '万荣', '万源', '万盛', '万秀', '万柏林', '万安', '万山',
  '万向', '万万', '亿万', '万难', '万变', '万有', '万用', '万花', '万福', '万佛', '万绿', '万头', '万年',
];

/**
 * Nouns for groups of people that a count follows at the end of a clause: 惠及困难群众（N）人,
 * 帮助失业人员（N）名. Longest first; each is a noun no one writes with 人/名 after it as a word.
 */
export const PERSON_GROUPS = [
  '农业转移人口', '农村人口', '城镇人口', '就业困难人员', '灵活就业人员', '困难群众', '新市民', '农民工', '毕业生', '志愿者', '劳动力',
  '群众', '人员', '居民', '农民', '职工', '学生', '儿童', '患者', '游客', '员工', '对象', '党员', '干部', '教师',
  '村民', '市民', '老人', '妇女', '农户', '医师', '护士', '人口',
] as const;

/** Words before 企业家 that make it "entrepreneur", not "（N） enterprises": 民营企业家, 优秀企业家. */
export const PEOPLE_MODIFIERS = [
  '民营', '优秀', '青年', '女', '知名', '著名', '杰出', '爱国', '成功', '广大', '一批', '众多', '新生代', '年轻',
  '返乡', '乡村', '农民', '浙商', '侨商', '港澳', '台湾', '海外', '本土', '科技型', '创新型',
  // a person counted or described: 一名企业家, 这些企业家, 他是企业家
  '名', '位', '些', '的', '是', '为', '当', '做', '和', '、',
] as const;
