/**
 * The Chongqing demo data set: regions, departments, service halls, staff, applicants and 13 real
 * approval items. Facts (legal bases, statutory limits, materials) follow
 * `shared/data/demo-items-reference.md`; where the reference could not verify a limit (✘ or ◐) the
 * item falls back to 《行政许可法》第四十二条 (20 working days + 10), as the reference advises.
 * Promised limits, addresses, phone numbers and people are invented but plausible.
 */
import type {
  DemoData,
  Role,
  SeedApplicant,
  SeedDepartment,
  SeedFormField,
  SeedHall,
  SeedItem,
  SeedMaterial,
  SeedRegion,
  SeedStaff,
  SeedStep,
} from "./types.ts";

/** Password of every demo account (staff and applicants). */
export const DEMO_PASSWORD = "Demo@2026";

/** 重庆12345政务服务便民热线: the complaint line of every item. */
const HOTLINE = "12345";

// ---------------------------------------------------------------------------------------------
// Regions (GB/T 2260, 2024 data)
// ---------------------------------------------------------------------------------------------

const regions: SeedRegion[] = [
  { code: "500000", name: "重庆市", level: "city" },
  { code: "500103", name: "渝中区", level: "district", parentCode: "500000" },
  { code: "500112", name: "渝北区", level: "district", parentCode: "500000" },
];

// ---------------------------------------------------------------------------------------------
// Departments
// ---------------------------------------------------------------------------------------------

const departments: SeedDepartment[] = [
  // City level: platform operator and supervising office
  {
    code: "cq-zwb",
    name: "重庆市人民政府电子政务办公室",
    shortName: "市政府电子政务办",
    regionCode: "500000",
    phone: "023-63853920",
    address: "重庆市渝中区人民路232号",
  },
  {
    code: "cq-xnjd",
    name: "重庆市人民政府政务服务效能监督办公室",
    shortName: "市政务服务效能监督办",
    regionCode: "500000",
    phone: "023-63853718",
    address: "重庆市渝中区人民路232号",
  },
  // City level: approving departments
  {
    code: "cq-scjgj",
    name: "重庆市市场监督管理局",
    shortName: "市市场监管局",
    regionCode: "500000",
    phone: "023-63721556",
    address: "重庆市渝北区黄山大道中段18号",
  },
  {
    code: "cq-ghzrzyj",
    name: "重庆市规划和自然资源局",
    shortName: "市规划自然资源局",
    regionCode: "500000",
    phone: "023-63658120",
    address: "重庆市渝北区春华大道99号",
  },
  {
    code: "cq-sthjj",
    name: "重庆市生态环境局",
    shortName: "市生态环境局",
    regionCode: "500000",
    phone: "023-89181905",
    address: "重庆市渝北区冉家坝旗山路252号",
  },
  {
    code: "cq-wsjkw",
    name: "重庆市卫生健康委员会",
    shortName: "市卫生健康委",
    regionCode: "500000",
    phone: "023-67706317",
    address: "重庆市渝北区旗龙路6号",
  },
  {
    code: "cq-jtysw",
    name: "重庆市交通运输委员会",
    shortName: "市交通运输委",
    regionCode: "500000",
    phone: "023-89183617",
    address: "重庆市渝北区洪湖东路11号",
  },
  {
    code: "cq-zfcxjw",
    name: "重庆市住房和城乡建设委员会",
    shortName: "市住房城乡建委",
    regionCode: "500000",
    phone: "023-63672208",
    address: "重庆市渝北区新南路188号",
  },
  {
    code: "cq-cgj",
    name: "重庆市城市管理局",
    shortName: "市城市管理局",
    regionCode: "500000",
    phone: "023-67628915",
    address: "重庆市渝北区黄龙路36号",
  },

  // 渝中区
  {
    code: "500103-scjgj",
    name: "重庆市渝中区市场监督管理局",
    shortName: "渝中区市场监管局",
    regionCode: "500103",
    counterpartCode: "cq-scjgj",
    phone: "023-63305127",
    address: "重庆市渝中区大坪正街19号",
  },
  {
    code: "500103-wsjkw",
    name: "重庆市渝中区卫生健康委员会",
    shortName: "渝中区卫生健康委",
    regionCode: "500103",
    counterpartCode: "cq-wsjkw",
    phone: "023-63862374",
    address: "重庆市渝中区中山一路218号",
  },
  {
    code: "500103-sthjj",
    name: "重庆市渝中区生态环境局",
    shortName: "渝中区生态环境局",
    regionCode: "500103",
    counterpartCode: "cq-sthjj",
    phone: "023-68813025",
    address: "重庆市渝中区长江二路174号",
  },
  {
    code: "500103-jtysw",
    name: "重庆市渝中区交通运输委员会",
    shortName: "渝中区交通运输委",
    regionCode: "500103",
    counterpartCode: "cq-jtysw",
    phone: "023-63622517",
    address: "重庆市渝中区中山三路168号",
  },
  {
    code: "500103-zjw",
    name: "重庆市渝中区住房和城乡建设委员会",
    shortName: "渝中区住房城乡建委",
    regionCode: "500103",
    counterpartCode: "cq-zfcxjw",
    phone: "023-63628810",
    address: "重庆市渝中区中山三路131号",
  },
  {
    code: "500103-cgj",
    name: "重庆市渝中区城市管理局",
    shortName: "渝中区城市管理局",
    regionCode: "500103",
    counterpartCode: "cq-cgj",
    phone: "023-63763590",
    address: "重庆市渝中区和平路72号",
  },
  {
    code: "500103-ghzy",
    name: "重庆市规划和自然资源局渝中区分局",
    shortName: "市规划自然资源局渝中分局",
    regionCode: "500103",
    counterpartCode: "cq-ghzrzyj",
    phone: "023-63524670",
    address: "重庆市渝中区长江一路78号",
  },

  // 渝北区
  {
    code: "500112-scjgj",
    name: "重庆市渝北区市场监督管理局",
    shortName: "渝北区市场监管局",
    regionCode: "500112",
    counterpartCode: "cq-scjgj",
    phone: "023-67821346",
    address: "重庆市渝北区双龙大道155号",
  },
  {
    code: "500112-wsjkw",
    name: "重庆市渝北区卫生健康委员会",
    shortName: "渝北区卫生健康委",
    regionCode: "500112",
    counterpartCode: "cq-wsjkw",
    phone: "023-67822519",
    address: "重庆市渝北区双凤路66号",
  },
  {
    code: "500112-sthjj",
    name: "重庆市渝北区生态环境局",
    shortName: "渝北区生态环境局",
    regionCode: "500112",
    counterpartCode: "cq-sthjj",
    phone: "023-67815608",
    address: "重庆市渝北区金龙路283号",
  },
  {
    code: "500112-jtysw",
    name: "重庆市渝北区交通运输委员会",
    shortName: "渝北区交通运输委",
    regionCode: "500112",
    counterpartCode: "cq-jtysw",
    phone: "023-67812045",
    address: "重庆市渝北区龙顺街16号",
  },
  {
    code: "500112-zjw",
    name: "重庆市渝北区住房和城乡建设委员会",
    shortName: "渝北区住房城乡建委",
    regionCode: "500112",
    counterpartCode: "cq-zfcxjw",
    phone: "023-67818630",
    address: "重庆市渝北区双龙大道223号",
  },
  {
    code: "500112-cgj",
    name: "重庆市渝北区城市管理局",
    shortName: "渝北区城市管理局",
    regionCode: "500112",
    counterpartCode: "cq-cgj",
    phone: "023-67806152",
    address: "重庆市渝北区红锦大道128号",
  },
  {
    code: "500112-ghzy",
    name: "重庆市规划和自然资源局渝北区分局",
    shortName: "市规划自然资源局渝北分局",
    regionCode: "500112",
    counterpartCode: "cq-ghzrzyj",
    phone: "023-67850913",
    address: "重庆市渝北区松石北路88号",
  },
];

const departmentPhone = (code: string): string => {
  const department = departments.find((d) => d.code === code);
  if (department === undefined) throw new Error(`demo data: unknown department ${code}`);
  return department.phone;
};

// ---------------------------------------------------------------------------------------------
// Service halls (行政服务中心)
// ---------------------------------------------------------------------------------------------

const halls: SeedHall[] = [
  {
    code: "hall-cq",
    name: "重庆市政务服务中心",
    regionCode: "500000",
    address: "重庆市渝北区青竹东路6号",
    phone: "023-63211580",
    hours: "工作日 9:00–17:00（中午不休息）；周六 9:00–12:00 延时服务；法定节假日除外",
  },
  {
    code: "hall-yz",
    name: "渝中区政务服务中心",
    regionCode: "500103",
    address: "重庆市渝中区大坪正街118号",
    phone: "023-63301688",
    hours: "工作日 9:00–12:00，13:30–17:00；法定节假日除外",
  },
  {
    code: "hall-yb",
    name: "渝北区政务服务中心",
    regionCode: "500112",
    address: "重庆市渝北区双龙大道108号",
    phone: "023-67821880",
    hours: "工作日 9:00–12:00，13:30–17:30；周六 9:00–12:00 延时服务；法定节假日除外",
  },
];

// ---------------------------------------------------------------------------------------------
// Staff: six roles in every department that has items, region and platform admins, a supervisor
// and one newly hired clerk who has not been trained yet (R17).
// ---------------------------------------------------------------------------------------------

function staff(
  username: string,
  name: string,
  phone: string,
  idNumber: string,
  departmentCode: string | undefined,
  roles: Role[],
  extra: { regionCode?: string; trained?: boolean } = {},
): SeedStaff {
  return {
    username,
    name,
    password: DEMO_PASSWORD,
    phone,
    idNumber,
    ...(departmentCode === undefined ? {} : { departmentCode }),
    ...(extra.regionCode === undefined ? {} : { regionCode: extra.regionCode }),
    roles,
    trained: extra.trained ?? true,
  };
}

const staffMembers: SeedStaff[] = [
  // Platform and supervision
  staff("admin", "冯玉洁", "15608745987", "500102198702032422", "cq-zwb", ["platform-admin"]),
  staff("zwb.head", "黄俊杰", "18806854334", "500104196807175757", "cq-zwb", ["department-head"]),
  staff("supervisor", "林雪梅", "18846217207", "50010819790527648X", "cq-xnjd", ["supervisor"]),
  staff("yz.admin", "牟家兴", "13305136034", "500235198908104412", undefined, ["region-admin"], { regionCode: "500103" }),
  staff("yb.admin", "唐云飞", "13703707903", "50022719840721359X", undefined, ["region-admin"], { regionCode: "500112" }),
  // 市市场监管局
  staff("cq.scjg.admin", "马丽萍", "18696971313", "500232198512026500", "cq-scjgj", ["department-admin"]),
  staff("cq.scjg.head", "李晓梅", "18340496948", "500235196603143163", "cq-scjgj", ["department-head"]),
  staff("cq.scjg.clerk", "蔡鹏程", "13055838388", "500232199502209172", "cq-scjgj", ["clerk"]),
  staff("cq.scjg.handler", "孙洪波", "18882332212", "500112199403288716", "cq-scjgj", ["handler"]),
  staff("cq.scjg.reviewer", "刘婷婷", "13930040493", "500230198608283680", "cq-scjgj", ["reviewer"]),
  staff("cq.scjg.decider", "冉启航", "13854087841", "500238197610076679", "cq-scjgj", ["decider"]),
  // 市规划自然资源局
  staff("cq.ghzy.admin", "邓莉", "15809599359", "500236198610288286", "cq-ghzrzyj", ["department-admin"]),
  staff("cq.ghzy.head", "王建华", "15269940877", "500109197112066171", "cq-ghzrzyj", ["department-head"]),
  staff("cq.ghzy.clerk", "张宏伟", "18755892043", "500231199408017573", "cq-ghzrzyj", ["clerk"]),
  staff("cq.ghzy.handler", "朱倩", "13130678837", "500234199508135701", "cq-ghzrzyj", ["handler"]),
  staff("cq.ghzy.reviewer", "彭浩然", "18625977304", "500109198305052213", "cq-ghzrzyj", ["reviewer"]),
  staff("cq.ghzy.decider", "徐立新", "15612688784", "500106197706034215", "cq-ghzrzyj", ["decider"]),
  // 市生态环境局
  staff("cq.sthj.admin", "谢天佑", "15689485247", "500226199006136915", "cq-sthjj", ["department-admin"]),
  staff("cq.sthj.head", "张雪芳", "15251449015", "500233197402188949", "cq-sthjj", ["department-head"]),
  staff("cq.sthj.clerk", "杨明亮", "18222697372", "500236199703241318", "cq-sthjj", ["clerk"]),
  staff("cq.sthj.handler", "曾庆丰", "13019212340", "500106199301216191", "cq-sthjj", ["handler"]),
  staff("cq.sthj.reviewer", "向明川", "19902414118", "500231198107210092", "cq-sthjj", ["reviewer"]),
  staff("cq.sthj.decider", "朱永刚", "15867802887", "500109197512281911", "cq-sthjj", ["decider"]),
  // 市卫生健康委
  staff("cq.wsjk.admin", "林家豪", "15919313424", "500233198811161776", "cq-wsjkw", ["department-admin"]),
  staff("cq.wsjk.head", "罗成林", "18998809920", "500113197304026072", "cq-wsjkw", ["department-head"]),
  staff("cq.wsjk.clerk", "秦朝阳", "18875452265", "500108199203192192", "cq-wsjkw", ["clerk"]),
  staff("cq.wsjk.handler", "郭少华", "18236709119", "500105199102253655", "cq-wsjkw", ["handler"]),
  staff("cq.wsjk.reviewer", "陈晓东", "13378901789", "500106198809276473", "cq-wsjkw", ["reviewer"]),
  staff("cq.wsjk.decider", "何建军", "18917576815", "500230197411170178", "cq-wsjkw", ["decider"]),
  // 市交通运输委
  staff("cq.jtys.admin", "陈静怡", "19995226555", "50023219820703474X", "cq-jtysw", ["department-admin"]),
  staff("cq.jtys.head", "唐小琴", "18567545355", "500240197002017546", "cq-jtysw", ["department-head"]),
  staff("cq.jtys.clerk", "熊燕", "18220297997", "500106199501092242", "cq-jtysw", ["clerk"]),
  staff("cq.jtys.handler", "王丽娟", "13253131550", "500236198902018966", "cq-jtysw", ["handler"]),
  staff("cq.jtys.reviewer", "袁泽民", "13921449497", "500228198009259273", "cq-jtysw", ["reviewer"]),
  staff("cq.jtys.decider", "向玲", "13830358902", "500229197206019764", "cq-jtysw", ["decider"]),
  // 市住房城乡建委
  staff("cq.zjw.admin", "何春燕", "15011053932", "500109198905209261", "cq-zfcxjw", ["department-admin"]),
  staff("cq.zjw.head", "余静", "15070585606", "500236197210059789", "cq-zfcxjw", ["department-head"]),
  staff("cq.zjw.clerk", "谭美玲", "18704956658", "500236199803129040", "cq-zfcxjw", ["clerk"]),
  staff("cq.zjw.handler", "彭雪", "18943575230", "500224198608161264", "cq-zfcxjw", ["handler"]),
  staff("cq.zjw.reviewer", "周红梅", "18012152661", "500227198612208060", "cq-zfcxjw", ["reviewer"]),
  staff("cq.zjw.decider", "杨雨欣", "13693292612", "500223197508269525", "cq-zfcxjw", ["decider"]),
  // 渝北区市场监管局
  staff("yb.scjg.admin", "冯志远", "13510078154", "500224198905067338", "500112-scjgj", ["department-admin"]),
  staff("yb.scjg.head", "胡晓燕", "15346879091", "500232197501269246", "500112-scjgj", ["department-head"]),
  staff("yb.scjg.clerk", "谭正清", "15058763259", "500235199808042132", "500112-scjgj", ["clerk"]),
  staff("yb.scjg.clerk2", "蒋文龙", "15802262672", "500237200312191431", "500112-scjgj", ["clerk"], { trained: false }),
  staff("yb.scjg.handler", "秦露", "17758226366", "500112198603171569", "500112-scjgj", ["handler"]),
  staff("yb.scjg.reviewer", "吴海涛", "18876004282", "500112198701238472", "500112-scjgj", ["reviewer"]),
  staff("yb.scjg.decider", "曾巧玲", "18698359510", "500105197202163885", "500112-scjgj", ["decider"]),
  // 渝北区交通运输委
  staff("yb.jtys.admin", "熊大伟", "13871223361", "500103199106152875", "500112-jtysw", ["department-admin"]),
  staff("yb.jtys.head", "徐慧敏", "18675714772", "500230197306201024", "500112-jtysw", ["department-head"]),
  staff("yb.jtys.clerk", "邓世杰", "15947203570", "500107199602245873", "500112-jtysw", ["clerk"]),
  staff("yb.jtys.handler", "罗丹", "13220387645", "500109199106260866", "500112-jtysw", ["handler"]),
  staff("yb.jtys.reviewer", "孙玉兰", "15803702089", "50023519880327110X", "500112-jtysw", ["reviewer"]),
  staff("yb.jtys.decider", "马振宇", "13090114873", "500113197606153210", "500112-jtysw", ["decider"]),
  // 渝中区卫生健康委
  staff("yz.wsjk.admin", "李志强", "18202289533", "500228198405036493", "500103-wsjkw", ["department-admin"]),
  staff("yz.wsjk.head", "周文斌", "13207616787", "500224197212250012", "500103-wsjkw", ["department-head"]),
  staff("yz.wsjk.clerk", "蒋晓红", "13064414214", "500106199305204702", "500103-wsjkw", ["clerk"]),
  staff("yz.wsjk.handler", "刘国庆", "17720347393", "500235199506233574", "500103-wsjkw", ["handler"]),
  staff("yz.wsjk.reviewer", "黄秀英", "15235685408", "500230198102084588", "500103-wsjkw", ["reviewer"]),
  staff("yz.wsjk.decider", "吴佳琪", "18257891707", "500234197805153149", "500103-wsjkw", ["decider"]),
  // 渝中区城市管理局
  staff("yz.cgj.admin", "高翔宇", "19922149262", "500108198211181931", "500103-cgj", ["department-admin"]),
  staff("yz.cgj.head", "冉小芳", "15223395531", "500113197204233146", "500103-cgj", ["department-head"]),
  staff("yz.cgj.clerk", "郭敏", "15520725743", "500228199811281982", "500103-cgj", ["clerk"]),
  staff("yz.cgj.handler", "胡德明", "13355162229", "500107199303210275", "500103-cgj", ["handler"]),
  staff("yz.cgj.reviewer", "高思雨", "18931501824", "500226198008225941", "500103-cgj", ["reviewer"]),
  staff("yz.cgj.decider", "牟珊珊", "15395483864", "500102197511134042", "500103-cgj", ["decider"]),
];

// ---------------------------------------------------------------------------------------------
// Applicants
// ---------------------------------------------------------------------------------------------

const applicants: SeedApplicant[] = [
  { type: "person", name: "陈晓燕", phone: "18930357537", password: DEMO_PASSWORD, idNumber: "500112198807225960" },
  { type: "person", name: "刘明德", phone: "13105417686", password: DEMO_PASSWORD, idNumber: "500103197908122919" },
  { type: "person", name: "欧阳婷婷", phone: "15102284650", password: DEMO_PASSWORD, idNumber: "500105199508286369" },
  {
    type: "organization",
    name: "重庆渝味轩餐饮管理有限公司",
    phone: "15217902892",
    password: DEMO_PASSWORD,
    creditCode: "91500112MA5U7G4K4Y",
    legalRepresentative: { name: "谭永福", idNumber: "500112197601184732" },
  },
  {
    type: "organization",
    name: "重庆山城恒信建设工程有限公司",
    phone: "18510418886",
    password: DEMO_PASSWORD,
    creditCode: "91500103MA60TW3P70",
    legalRepresentative: { name: "冉启明", idNumber: "500103197008087476" },
  },
];

// ---------------------------------------------------------------------------------------------
// Item building blocks
// ---------------------------------------------------------------------------------------------

const field = (key: string, label: string, type: SeedFormField["type"] = "text", required = true): SeedFormField => ({
  key,
  label,
  type,
  required,
});

const contactName = field("contactName", "联系人");
const contactPhone = field("contactPhone", "联系电话");

const material = (
  key: string,
  name: string,
  required: boolean,
  extra: Omit<SeedMaterial, "key" | "name" | "required"> = {},
): SeedMaterial => ({ key, name, required, ...extra });

const businessLicense = material("business-license", "营业执照", true, {
  certificateType: "business-license",
  description: "已在平台证照库归集的，无需重复提交",
});

const powerOfAttorney = material("power-of-attorney", "授权委托书及代理人身份证明", false, {
  hasForm: true,
  description: "委托他人办理的提交",
});

// The usual chain: window acceptance → handler's review → reviewer's audit → decision → delivery.
const acceptStep = (): SeedStep => ({ key: "accept", name: "受理", kind: "accept", department: "lead", role: "clerk", workingDays: 1 });
const reviewStep = (workingDays: number, name = "承办审查"): SeedStep => ({
  key: "review",
  name,
  kind: "review",
  department: "lead",
  role: "handler",
  workingDays,
});
const auditStep = (workingDays: number): SeedStep => ({
  key: "audit",
  name: "审核",
  kind: "review",
  department: "lead",
  role: "reviewer",
  workingDays,
});
const decideStep = (workingDays: number): SeedStep => ({
  key: "decide",
  name: "审批决定",
  kind: "decide",
  department: "lead",
  role: "decider",
  workingDays,
});
const deliverStep = (): SeedStep => ({
  key: "deliver",
  name: "制证送达",
  kind: "deliver",
  department: "lead",
  role: "clerk",
  workingDays: 1,
});
const offlineStep = (key: string, name: string, workingDays: number, clockStops = false): SeedStep => ({
  key,
  name,
  kind: "offline",
  department: "lead",
  role: "handler",
  workingDays,
  ...(clockStops ? { clockStops } : {}),
});

/** 责任清单 (R11): the same five duties for every licensing item, with the item's own inspection note. */
function responsibilities(inspection: string): string {
  return [
    "1. 受理责任：公示依法应当提交的材料；一次性告知补正材料；依法受理或不予受理（不予受理的，书面说明理由）。",
    `2. 审查责任：对申请材料进行审查；${inspection}`,
    "3. 决定责任：在承诺时限内作出准予或不予许可的决定；不予许可的，书面说明理由并告知申请人享有依法申请行政复议或者提起行政诉讼的权利。",
    "4. 送达责任：制发许可证件，通过平台推送至证照库，按申请人选择的方式送达。",
    "5. 事后监管责任：依法对被许可人从事许可事项的活动进行监督检查。",
  ].join("\n");
}

/** 问责情形 (R11): from 《行政许可法》 Chapter 7. */
const ACCOUNTABILITY = [
  "因不履行或不正确履行行政职责，有下列情形之一的，行政机关及相关工作人员应当依法承担相应责任：",
  "1. 对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出决定的；",
  "2. 对不符合法定条件的申请准予许可或者超越法定职权作出许可决定的；",
  "3. 未一次性告知申请人必须补正的全部内容，或者未向申请人说明不予受理、不予许可理由的；",
  "4. 违反法定程序实施许可，或者擅自收费、不按照法定项目和标准收费的；",
  "5. 索取或者收受他人财物，或者谋取其他利益的；",
  "6. 不在网上行政审批平台办理业务，造成“体外循环”的；",
  "7. 其他违反法律、法规、规章规定的行为。",
  "依据：《中华人民共和国行政许可法》第七章；《重庆市网上行政审批管理办法（试行）》（渝府办发〔2016〕157号）。",
].join("\n");

const ONLINE_OR_HALL = "全程网办；也可到政务服务中心对应窗口提交纸质材料，由窗口人员录入平台";

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

const items: SeedItem[] = [
  // 1. 食品经营许可 — district
  {
    code: "YB-SCJG-001",
    name: "食品经营许可",
    departmentCode: "500112-scjgj",
    level: "district",
    regionCode: "500112",
    legalBasis:
      "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）；《重庆市食品经营许可管理实施办法》（渝市监发〔2023〕45号）",
    conditions: [
      "1. 具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，保持场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离；",
      "2. 具有与经营的食品品种、数量相适应的经营设备或者设施；",
      "3. 有专职或者兼职的食品安全管理人员和保证食品安全的规章制度；",
      "4. 具有合理的设备布局和工艺流程，防止交叉污染；",
      "5. 法律、法规规定的其他条件。",
      "仅销售预包装食品的，办理备案，无需申请许可。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    // 令第78号 reportedly sets 10 working days (+5), not verified: the general limit of 行政许可法 Art. 42 applies.
    statutoryDays: 20,
    statutoryExtensionDays: 10,
    promisedDays: 10,
    fees: "不收费",
    result: "《食品经营许可证》（有效期5年）",
    resultCertificateType: "food-business-license",
    responsibilities: responsibilities("餐饮服务经营者等必要时进行现场核查。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("500112-scjgj"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization", "person"],
    formFields: [
      field("operatorName", "经营者名称"),
      field("businessAddress", "经营场所"),
      field("mainBusinessType", "主体业态"),
      field("businessItems", "经营项目", "textarea"),
      field("foodSafetyManager", "食品安全管理人员"),
      contactPhone,
    ],
    materials: [
      material("application-form", "食品经营许可申请书", true, { hasForm: true }),
      { ...businessLicense, name: "营业执照或者其他主体资格证明文件" },
      material("facilities-layout", "与食品经营相适应的主要设备设施、经营布局、操作流程等文件", true, {
        description: "餐饮服务经营者附经营场所平面图",
      }),
      material("safety-rules", "食品安全管理制度目录", true),
      powerOfAttorney,
    ],
    steps: [
      acceptStep(),
      reviewStep(2),
      offlineStep("site-inspection", "现场核查", 3),
      auditStep(1),
      decideStep(1),
      deliverStep(),
    ],
  },

  // 2. 特种设备使用登记 — district, the registration number comes from the city bureau (push)
  {
    code: "YB-SCJG-002",
    name: "特种设备使用登记",
    departmentCode: "500112-scjgj",
    level: "district",
    regionCode: "500112",
    legalBasis: "《中华人民共和国特种设备安全法》第三十三条；《特种设备使用管理规则》（TSG 08-2017）",
    conditions:
      "特种设备使用单位应当在特种设备投入使用前或者投入使用后三十日内，向负责特种设备安全监督管理的部门办理使用登记。设备应当经监督检验或者首次检验合格，产品合格证及技术资料齐全。本事项由区市场监管局受市市场监管局委托办理。",
    handlingMode: ONLINE_OR_HALL,
    // TSG 08-2017's own limit was not verified: the general limit of 行政许可法 Art. 42 applies.
    statutoryDays: 20,
    statutoryExtensionDays: 10,
    promisedDays: 10,
    fees: "不收费",
    result: "《特种设备使用登记证》",
    resultCertificateType: "special-equipment-registration",
    responsibilities: responsibilities("核对产品数据表、检验证明与设备实物信息的一致性；登记证编号由市市场监管局统一赋码。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("500112-scjgj"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization", "person"],
    formFields: [
      field("equipmentCategory", "设备类别"),
      field("productNumber", "产品编号"),
      field("manufacturer", "制造单位"),
      field("installationAddress", "设备使用地点"),
      field("commissioningDate", "投入使用日期", "date"),
      field("safetyManager", "安全管理人员"),
    ],
    materials: [
      material("registration-form", "特种设备使用登记表（一式两份）", true, { hasForm: true }),
      material("subject-proof", "使用单位统一社会信用代码证明或者个人身份证明", true),
      material("product-certificate", "产品合格证（含产品数据表）", true),
      material("inspection-certificate", "监督检验证明或者首次检验报告", true),
      material("vehicle-documents", "机动车行驶证、机动车登记证书", false, {
        description: "仅移动式压力容器、车用气瓶提交",
      }),
      material("boiler-efficiency", "锅炉能效证明", false, { description: "仅锅炉提交" }),
    ],
    steps: [
      acceptStep(),
      reviewStep(2),
      auditStep(1),
      {
        key: "push-city",
        name: "推送市市场监管局赋码",
        kind: "push",
        department: "cq-scjgj",
        role: "handler",
        workingDays: 2,
      },
      decideStep(1),
      deliverStep(),
    ],
  },

  // 3. 工业产品生产许可证核发 — city, with site inspection and product testing (clock stops)
  {
    code: "CQ-SCJG-001",
    name: "工业产品生产许可证核发",
    departmentCode: "cq-scjgj",
    level: "city",
    regionCode: "500000",
    legalBasis:
      "《中华人民共和国工业产品生产许可证管理条例》第二条、第九条、第十一条、第十八条、第二十四条、第二十五条、第六十七条",
    conditions: [
      "1. 有营业执照；",
      "2. 有与所生产产品相适应的专业技术人员；",
      "3. 有与所生产产品相适应的生产条件和检验检疫手段；",
      "4. 有与所生产产品相适应的技术文件和工艺文件；",
      "5. 有健全有效的质量管理制度和责任制度；",
      "6. 产品符合有关国家标准、行业标准以及保障人体健康和人身、财产安全的要求；",
      "7. 符合国家产业政策的规定，不存在国家明令淘汰和禁止投资建设的落后工艺、高耗能、污染环境、浪费资源的情况。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    statutoryDays: 60,
    statutoryExtensionDays: 10,
    promisedDays: 30,
    fees: "依照条例第六十七条按国家有关规定执行，以现行行政事业性收费目录清单为准",
    result: "《工业产品生产许可证》（有效期5年）",
    resultCertificateType: "industrial-production-license",
    responsibilities: responsibilities(
      "组织对企业进行实地核查，自受理之日起30日内将核查结果告知企业；产品检验由检验机构完成，检验时间不计入许可期限。",
    ),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("cq-scjgj"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization"],
    formFields: [
      field("productName", "产品名称"),
      field("productUnit", "产品单元及品种规格", "textarea"),
      field("productionAddress", "生产地址"),
      field("productStandard", "执行标准"),
      contactName,
      contactPhone,
    ],
    materials: [
      material("application-form", "工业产品生产许可证申请书", true, { hasForm: true }),
      businessLicense,
      material("technical-staff", "专业技术人员名单及资格证明", true),
      material("production-conditions", "主要生产设备和检验设备清单", true),
      material("technical-documents", "产品执行标准、技术文件和工艺文件目录", true),
      material("quality-management", "质量管理制度和责任制度文件", true),
      powerOfAttorney,
    ],
    steps: [
      acceptStep(),
      reviewStep(3, "材料审查"),
      offlineStep("site-inspection", "企业实地核查", 10),
      {
        key: "product-testing",
        name: "产品检验（检验机构）",
        kind: "third-party",
        department: "lead",
        role: "handler",
        workingDays: 10,
        clockStops: true,
      },
      auditStep(2),
      decideStep(2),
      deliverStep(),
    ],
  },

  // 4. 建设用地规划许可证核发 — city
  {
    code: "CQ-GHZY-001",
    name: "建设用地规划许可证核发",
    departmentCode: "cq-ghzrzyj",
    level: "city",
    regionCode: "500000",
    legalBasis:
      "《中华人民共和国城乡规划法》第三十七条、第三十八条；《自然资源部关于以“多规合一”为基础推进规划用地“多审合一、多证合一”改革的通知》（自然资规〔2019〕2号）",
    conditions: [
      "1. 以划拨方式提供国有土地使用权的建设项目，经有关部门批准、核准、备案后，已取得建设项目用地预审与选址意见书；",
      "2. 以出让方式取得国有土地使用权的建设项目，已签订国有土地使用权出让合同，合同附有依据控制性详细规划确定的规划条件。",
      "本事项与用地批准合并办理。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    statutoryDays: 20,
    statutoryExtensionDays: 10,
    promisedDays: 10,
    fees: "不收费",
    result: "《建设用地规划许可证》",
    resultCertificateType: "land-use-planning-permit",
    responsibilities: responsibilities("核对用地位置、面积、允许建设的范围与规划条件的一致性。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("cq-ghzrzyj"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization"],
    ccDepartmentCodes: ["cq-zfcxjw"],
    formFields: [
      field("projectName", "项目名称"),
      field("constructionUnit", "建设单位"),
      field("landLocation", "用地位置"),
      field("landArea", "用地面积（平方米）", "number"),
      field("landSupplyMode", "土地供应方式"),
      contactPhone,
    ],
    materials: [
      material("application-form", "建设用地规划许可申请表", true, { hasForm: true }),
      material("project-approval", "建设项目批准、核准或者备案文件", true),
      material("transfer-contract", "国有建设用地使用权出让合同（含规划条件）", false, {
        description: "以出让方式取得土地的必须提交",
      }),
      material("siting-opinion", "建设项目用地预审与选址意见书", false, {
        description: "以划拨方式取得土地的必须提交",
        certificateType: "land-siting-opinion",
      }),
      material("boundary-map", "宗地界址图或者勘测定界图", false),
    ],
    steps: [acceptStep(), reviewStep(3), auditStep(2), decideStep(2), deliverStep()],
  },

  // 5. 建设工程规划许可证核发 — city, joint review with 市住房城乡建委
  {
    code: "CQ-GHZY-002",
    name: "建设工程规划许可证核发",
    departmentCode: "cq-ghzrzyj",
    level: "city",
    regionCode: "500000",
    legalBasis: "《中华人民共和国城乡规划法》第四十条、第五十条",
    conditions: [
      "1. 在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设；",
      "2. 已取得使用土地的有关证明文件；",
      "3. 建设工程设计方案符合控制性详细规划和规划条件；需要编制修建性详细规划的，已编制修建性详细规划。",
      "经审定的修建性详细规划、建设工程设计方案的总平面图予以公布；确需修改的，应当听取利害关系人的意见。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    statutoryDays: 20,
    statutoryExtensionDays: 10,
    promisedDays: 12,
    fees: "不收费",
    result: "《建设工程规划许可证》及附图、附件",
    resultCertificateType: "construction-project-planning-permit",
    responsibilities: responsibilities("组织住房城乡建设部门对消防、人防等内容进行联合审查。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("cq-ghzrzyj"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization"],
    assistingDepartmentCodes: ["cq-zfcxjw"],
    formFields: [
      field("projectName", "项目名称"),
      field("constructionUnit", "建设单位"),
      field("constructionAddress", "建设地址"),
      field("totalFloorArea", "总建筑面积（平方米）", "number"),
      contactName,
      contactPhone,
    ],
    materials: [
      material("application-form", "建设工程规划许可申请表", true, { hasForm: true }),
      material("land-use-planning-permit", "建设用地规划许可证或者其他使用土地的证明文件", true, {
        certificateType: "land-use-planning-permit",
      }),
      material("design-scheme", "建设工程设计方案（含总平面图）", true),
      material("detailed-plan", "修建性详细规划", false, { description: "按规定须编制修建性详细规划的提交" }),
      powerOfAttorney,
    ],
    steps: [
      acceptStep(),
      reviewStep(3, "方案审查"),
      {
        key: "co-handle",
        name: "联合审查（消防、人防）",
        kind: "co-handle",
        department: "lead",
        role: "handler",
        workingDays: 3,
      },
      auditStep(1),
      decideStep(1),
      deliverStep(),
    ],
  },

  // 6. 排污许可 — city
  {
    code: "CQ-STHJ-001",
    name: "排污许可",
    departmentCode: "cq-sthjj",
    level: "city",
    regionCode: "500000",
    legalBasis:
      "《中华人民共和国环境保护法》第四十五条；《排污许可管理条例》第二条、第六条、第七条、第八条、第十条、第十二条、第十四条",
    conditions: [
      "1. 依法取得建设项目环境影响报告书（表）批准文件，或者已经办理环境影响登记表备案手续；",
      "2. 污染物排放符合污染物排放标准要求，重点污染物排放符合排污许可证申请与核发技术规范、环境影响报告书（表）批准文件、重点污染物排放总量控制要求；",
      "3. 采用污染防治设施可以达到许可排放浓度要求或者符合污染防治可行技术；",
      "4. 自行监测方案的监测点位、指标、频次等符合国家自行监测规范。",
      "本事项按重点管理设置时限（30日）；实行简化管理的为20日，需要进行现场核查的为45日。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    statutoryDays: 30,
    statutoryExtensionDays: 10,
    promisedDays: 15,
    fees: "不收费；技术评估费用由审批部门承担",
    result: "《排污许可证》（有效期5年，届满60日前申请延续）",
    resultCertificateType: "pollutant-discharge-permit",
    responsibilities: responsibilities("可组织技术机构对申请材料进行技术评估，必要时进行现场核查。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("cq-sthjj"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization"],
    formFields: [
      field("unitName", "排污单位名称"),
      field("productionAddress", "生产经营场所地址"),
      field("industryCategory", "行业类别"),
      field("mainPollutants", "主要污染物种类", "textarea"),
      field("outletCount", "排放口数量", "number"),
      contactPhone,
    ],
    materials: [
      material(
        "application-form",
        "排污许可证申请表（含排放口、排放标准、总量指标、污染防治设施、自行监测方案等）",
        true,
        { hasForm: true },
      ),
      material("eia-approval", "环境影响评价批准文件或者环境影响登记表备案材料", true, {
        certificateType: "eia-approval",
      }),
      material("disclosure-statement", "排污许可证申请前信息公开情况说明", false, {
        description: "实行重点管理的排污单位提交",
      }),
      material("sewage-network", "污水集中处理设施的纳污范围、管网布置、排放去向等说明", false, {
        description: "城镇和工业园区污水集中处理设施的运营单位提交",
      }),
      material("total-reduction", "重点污染物排放总量削减替代说明", false, {
        description: "新建、改建、扩建项目实行总量削减替代的提交",
      }),
    ],
    steps: [
      acceptStep(),
      reviewStep(3),
      {
        key: "technical-assessment",
        name: "技术评估（技术机构）",
        kind: "third-party",
        department: "lead",
        role: "handler",
        workingDays: 5,
      },
      auditStep(2),
      decideStep(2),
      deliverStep(),
    ],
  },

  // 7. 建设项目环境影响报告表审批 — city, expert review stops the clock
  {
    code: "CQ-STHJ-002",
    name: "建设项目环境影响评价文件审批（报告表）",
    departmentCode: "cq-sthjj",
    level: "city",
    regionCode: "500000",
    legalBasis: "《中华人民共和国环境影响评价法》第二十二条、第二十四条；《建设项目环境保护管理条例》第九条",
    conditions: [
      "1. 建设项目类型及其选址、布局、规模等符合环境保护法律法规和相关法定规划；",
      "2. 所在区域环境质量满足国家或者地方环境质量标准，或者拟采取的措施能够满足区域环境质量改善目标管理要求；",
      "3. 采取的污染防治措施能确保污染物排放达到国家和地方排放标准；",
      "4. 环境影响报告表的基础资料数据真实，内容完整，评价结论明确、合理。",
      "建设项目的环境影响评价文件经批准后超过五年方决定开工建设的，应当报原审批部门重新审核。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    statutoryDays: 30,
    statutoryExtensionDays: 10,
    promisedDays: 15,
    fees: "不收费；技术评估费用由审批部门承担",
    result: "《重庆市建设项目环境影响评价文件批准书》",
    resultCertificateType: "eia-approval",
    responsibilities: responsibilities("组织技术评估（专家评审），专家评审时间不计入审批时限。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("cq-sthjj"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization"],
    formFields: [
      field("projectName", "项目名称"),
      field("constructionUnit", "建设单位"),
      field("constructionAddress", "建设地点"),
      field("industryCategory", "行业类别"),
      field("totalInvestment", "总投资（万元）", "number"),
      field("eiaAgency", "环评文件编制单位"),
    ],
    materials: [
      material("application-form", "《重庆市建设项目环境影响评价文件审批申请表》（两份，加盖公章）", true, {
        hasForm: true,
      }),
      material("eia-report", "环境影响报告表（全本、公示版及公示删减说明）", true),
      material("commitment", "告知承诺书", false, {
        hasForm: true,
        description: "纳入告知承诺审批名录并选择告知承诺方式的提交",
      }),
    ],
    steps: [
      acceptStep(),
      reviewStep(3),
      offlineStep("expert-review", "技术评估（专家评审）", 3, true),
      auditStep(2),
      decideStep(2),
      deliverStep(),
    ],
  },

  // 8. 公共场所卫生许可 — district
  {
    code: "YZ-WSJK-001",
    name: "公共场所卫生许可",
    departmentCode: "500103-wsjkw",
    level: "district",
    regionCode: "500103",
    legalBasis: "《公共场所卫生管理条例》第四条、第八条；《公共场所卫生管理条例实施细则》（原卫生部令第80号）",
    conditions: [
      "1. 经营宾馆、旅店、公共浴室、理发店、美容店、游泳场所、商场（店）、影剧院等公共场所；",
      "2. 具有与经营项目相适应的场所和卫生设施，卫生检测或者评价合格；",
      "3. 从业人员经健康检查和卫生知识培训合格；",
      "4. 建立卫生管理制度，配备专（兼）职卫生管理人员。",
      "卫生许可证两年复核一次。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    statutoryDays: 20,
    statutoryExtensionDays: 10,
    promisedDays: 10,
    fees: "不收费",
    result: "《公共场所卫生许可证》（有效期4年，每2年复核一次）",
    resultCertificateType: "public-place-hygiene-license",
    responsibilities: responsibilities("对经营场所进行现场审核（告知承诺方式办理的，发证后核查）。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("500103-wsjkw"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization", "person"],
    ccDepartmentCodes: ["500103-scjgj"],
    formFields: [
      field("unitName", "单位名称"),
      field("businessAddress", "经营场所地址"),
      field("placeCategory", "场所类别"),
      field("businessArea", "营业面积（平方米）", "number"),
      field("employeeCount", "从业人员数", "number"),
      contactPhone,
    ],
    materials: [
      material(
        "application-form",
        "《重庆市公共场所卫生许可证申请表》（附负责人身份证明、方位示意图、平面图、卫生设施布局图、主要设备设施目录）",
        true,
        { hasForm: true },
      ),
      businessLicense,
      material("hygiene-report", "一年内有效的卫生检测或者评价报告", true),
      material("air-conditioning-report", "一年内集中空调通风系统卫生检测报告", false, {
        description: "使用集中空调通风系统的提交",
      }),
      material("staff-health", "从业人员名单、健康合格证明及卫生知识培训合格名单", true),
      material("hygiene-rules", "卫生管理制度", true),
    ],
    steps: [
      acceptStep(),
      reviewStep(2),
      offlineStep("site-review", "现场审核", 2),
      auditStep(1),
      decideStep(1),
      deliverStep(),
    ],
  },

  // 9. 医疗机构执业登记 — city, joint review with 市生态环境局 (radiation safety, medical waste)
  {
    code: "CQ-WSJK-001",
    name: "医疗机构执业登记",
    departmentCode: "cq-wsjkw",
    level: "city",
    regionCode: "500000",
    legalBasis: "《医疗机构管理条例》（2016年修订）第十五条、第十七条、第十九条、第二十二条；《医疗机构管理条例实施细则》",
    conditions: [
      "1. 有设置医疗机构批准书（或者已办理设置备案）；",
      "2. 符合医疗机构的基本标准；",
      "3. 有适合的名称、组织机构和场所；",
      "4. 有与其开展的业务相适应的经费、设施、设备和专业卫生技术人员；",
      "5. 有相应的规章制度；",
      "6. 能够独立承担民事责任。",
      "本事项由市卫生健康委办理按设置审批权限属于市级的医疗机构。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    statutoryDays: 45,
    statutoryExtensionDays: 15,
    promisedDays: 20,
    fees: "不收费",
    result: "《医疗机构执业许可证》（床位不满100张的每年校验1次，100张以上的每3年校验1次）",
    resultCertificateType: "medical-institution-license",
    responsibilities: responsibilities("组织现场审核；会同生态环境部门审查辐射安全和医疗废物处置情况。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("cq-wsjkw"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization"],
    assistingDepartmentCodes: ["cq-sthjj"],
    // Radiological diagnosis needs the environment bureau's radiation safety licence, issued alongside.
    resultDepartmentCodes: ["cq-sthjj"],
    formFields: [
      field("institutionName", "医疗机构名称"),
      field("institutionType", "医疗机构类别"),
      field("practiceAddress", "执业地址"),
      field("bedCount", "床位数", "number"),
      field("clinicalDepartments", "诊疗科目", "textarea"),
      contactPhone,
    ],
    materials: [
      material("application-form", "医疗机构执业登记申请书", true, { hasForm: true }),
      material("setup-approval", "设置医疗机构批准书或者备案回执", true, {
        certificateType: "medical-institution-setup-approval",
      }),
      material("premises-proof", "医疗机构用房产权证明或者使用证明", true),
      material("floor-plan", "医疗机构建筑设计平面图", true),
      material("rules", "医疗机构规章制度", true),
      material("staff-qualifications", "医疗机构负责人及卫生技术人员的资格证书、执业证书", true),
      material("radiation-license", "辐射安全许可证", false, {
        description: "开展放射诊疗的提交",
        certificateType: "radiation-safety-license",
      }),
    ],
    steps: [
      acceptStep(),
      reviewStep(4),
      {
        key: "co-handle",
        name: "协办审查（辐射安全、医疗废物处置）",
        kind: "co-handle",
        department: "lead",
        role: "handler",
        workingDays: 5,
      },
      offlineStep("site-review", "现场审核", 5),
      auditStep(2),
      decideStep(2),
      deliverStep(),
    ],
  },

  // 10. 道路旅客运输经营许可 — city
  {
    code: "CQ-JTYS-001",
    name: "道路旅客运输经营许可",
    departmentCode: "cq-jtysw",
    level: "city",
    regionCode: "500000",
    legalBasis: "《中华人民共和国道路运输条例》第八条、第十条、第十二条、第十四条、第八十条",
    conditions: [
      "1. 有与其经营业务相适应并经检测合格的车辆；",
      "2. 有符合条例规定条件的驾驶人员；",
      "3. 有健全的安全生产管理制度。",
      "申请从事班线客运经营的，还应当有明确的线路和站点方案。省际、市际班线须与目的地交通运输主管部门协商；同一线路有3个以上申请人的，可以通过招标的形式作出许可决定（招标时间不计入许可期限）。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    statutoryDays: 20,
    statutoryExtensionDays: 10,
    promisedDays: 10,
    fees: "许可不收费；经营许可证件和车辆营运证的工本费按国家规定执行",
    result: "《道路运输经营许可证》及车辆营运证（班线经营期限4至8年）",
    resultCertificateType: "road-transport-license",
    responsibilities: responsibilities("对拟投入车辆和停车场地进行现场核查。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("cq-jtysw"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization"],
    formFields: [
      field("companyName", "企业名称"),
      field("businessScope", "申请经营范围"),
      field("vehicleCount", "拟投入车辆数", "number"),
      field("routePlan", "拟经营线路及站点", "textarea", false),
      contactName,
      contactPhone,
    ],
    materials: [
      material("application-form", "道路旅客运输经营申请表", true, { hasForm: true }),
      material("responsible-id", "企业负责人身份证明", true),
      material("vehicles", "拟投入车辆的行驶证、检测合格证明或者购车承诺书", true),
      material("drivers", "拟聘用驾驶人员的机动车驾驶证及从业资格证", true),
      material("safety-rules", "安全生产管理制度文本", true),
      material("route-plan", "线路和站点方案", false, { description: "申请班线客运经营的提交" }),
    ],
    steps: [
      acceptStep(),
      reviewStep(3),
      offlineStep("site-inspection", "现场核查（车辆、停车场地）", 2),
      auditStep(1),
      decideStep(2),
      deliverStep(),
    ],
  },

  // 11. 道路货物运输经营许可 — district
  {
    code: "YB-JTYS-001",
    name: "道路货物运输经营许可（不含危险货物）",
    departmentCode: "500112-jtysw",
    level: "district",
    regionCode: "500112",
    legalBasis: "《中华人民共和国道路运输条例》第二十一条、第二十四条",
    conditions: [
      "1. 有与其经营业务相适应并经检测合格的车辆；",
      "2. 有符合条例规定条件的驾驶人员；",
      "3. 有健全的安全生产管理制度。",
      "使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请本许可。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    statutoryDays: 20,
    statutoryExtensionDays: 10,
    promisedDays: 5,
    fees: "许可不收费；经营许可证件和车辆营运证的工本费按国家规定执行",
    result: "《道路运输经营许可证》及车辆营运证",
    resultCertificateType: "road-transport-license",
    responsibilities: responsibilities("核对车辆技术条件和驾驶人员从业资格。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("500112-jtysw"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization", "person"],
    formFields: [
      field("operatorName", "经营者名称"),
      field("businessAddress", "经营场所"),
      field("vehicleCount", "车辆数", "number"),
      field("maxGrossMass", "最大车辆总质量（千克）", "number"),
      contactPhone,
    ],
    materials: [
      material("application-form", "道路货物运输经营申请表", true, { hasForm: true }),
      material("responsible-id", "负责人身份证明", true),
      material("vehicles", "车辆行驶证或者购车承诺书", true),
      material("drivers", "驾驶人员从业资格证明", true),
      material("safety-rules", "安全生产管理制度文本", true),
    ],
    steps: [acceptStep(), reviewStep(1), auditStep(1), decideStep(1), deliverStep()],
  },

  // 12. 建筑工程施工许可证核发 — city, parallel review by planning and environment
  {
    code: "CQ-ZJW-001",
    name: "建筑工程施工许可证核发",
    departmentCode: "cq-zfcxjw",
    level: "city",
    regionCode: "500000",
    legalBasis: "《中华人民共和国建筑法》第七条、第八条、第九条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）",
    conditions: [
      "1. 已经办理该建筑工程用地批准手续；",
      "2. 依法应当办理建设工程规划许可证的，已经取得建设工程规划许可证；",
      "3. 需要拆迁的，其拆迁进度符合施工要求；",
      "4. 已经确定建筑施工企业；",
      "5. 有满足施工需要的资金安排、施工图纸及技术资料；",
      "6. 有保证工程质量和安全的具体措施。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    statutoryDays: 7,
    statutoryExtensionDays: 10,
    promisedDays: 5,
    fees: "不收费",
    result: "《建筑工程施工许可证》（应当自领取之日起3个月内开工；可申请延期，以两次为限，每次不超过3个月）",
    resultCertificateType: "construction-permit",
    responsibilities: responsibilities("组织规划自然资源、生态环境部门并联审查前置条件，已在证照库中的证照直接调用。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("cq-zfcxjw"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization"],
    assistingDepartmentCodes: ["cq-ghzrzyj", "cq-sthjj"],
    formFields: [
      field("projectName", "项目名称"),
      field("constructionUnit", "建设单位"),
      field("constructionAddress", "建设地址"),
      field("contractor", "施工单位"),
      field("contractPrice", "合同价格（万元）", "number"),
      field("totalFloorArea", "建筑面积（平方米）", "number"),
    ],
    materials: [
      material("application-form", "建筑工程施工许可申请表", true, { hasForm: true }),
      material("land-approval", "建设用地批准手续（不动产权证书或者用地批准文件）", true),
      material("planning-permit", "建设工程规划许可证", true, {
        certificateType: "construction-project-planning-permit",
      }),
      material("contractor-confirmation", "确定施工企业的文件（中标通知书或者施工合同）", true),
      material("funds-drawings", "资金安排、施工图纸及技术资料", true),
      material("quality-safety", "保证工程质量和安全的具体措施", true),
    ],
    steps: [
      acceptStep(),
      reviewStep(1),
      {
        key: "co-handle",
        name: "并联审查（规划、环保）",
        kind: "co-handle",
        department: "lead",
        role: "handler",
        workingDays: 1,
      },
      decideStep(1),
      deliverStep(),
    ],
  },

  // 13. 城镇污水排入排水管网许可 — district
  {
    code: "YZ-CGJ-001",
    name: "城镇污水排入排水管网许可",
    departmentCode: "500103-cgj",
    level: "district",
    regionCode: "500103",
    legalBasis:
      "《城镇排水与污水处理条例》第二十一条；《城镇污水排入排水管网许可管理办法》（住房和城乡建设部令第21号，经第56号令修正）",
    conditions: [
      "1. 从事工业、建筑、餐饮、医疗等活动的企业事业单位、个体工商户（排水户）向城镇排水设施排放污水；",
      "2. 排放的污水符合国家或者地方规定的有关排放标准；",
      "3. 按照规定建设污水预处理设施，设置专用检测井和排放口；",
      "4. 重点排污单位按照规定安装使用自动监测设备。",
    ].join("\n"),
    handlingMode: ONLINE_OR_HALL,
    // 办法第六条 reportedly 15 days, not verified: the general limit of 行政许可法 Art. 42 applies.
    statutoryDays: 20,
    statutoryExtensionDays: 10,
    promisedDays: 10,
    fees: "不收费",
    result: "《城镇污水排入排水管网许可证》（有效期5年）",
    resultCertificateType: "drainage-permit",
    responsibilities: responsibilities("对重点排水户进行现场核查，对其他排水户进行抽查。"),
    accountability: ACCOUNTABILITY,
    consultationPhone: departmentPhone("500103-cgj"),
    complaintPhone: HOTLINE,
    applicantTypes: ["organization", "person"],
    ccDepartmentCodes: ["500103-sthjj"],
    formFields: [
      field("dischargerName", "排水户名称"),
      field("dischargeAddress", "排水地址"),
      field("drainageCategory", "排水类别"),
      field("dailyDischarge", "日排水量（立方米）", "number"),
      contactName,
      contactPhone,
    ],
    materials: [
      material("application-form", "排水许可申请表", true, { hasForm: true }),
      material("drainage-drawings", "排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明", true),
      material("pretreatment", "污水预处理设施的有关材料", false, { description: "按规定应当建设预处理设施的提交" }),
      material("hidden-works", "排水隐蔽工程竣工报告或者书面承诺", true),
      material("water-quality", "排放污水水质检测报告或者书面承诺", true),
      material("online-monitoring", "自动监测设备的有关材料", false, { description: "列入重点排污单位名录的提交" }),
    ],
    steps: [
      acceptStep(),
      reviewStep(2),
      offlineStep("site-inspection", "现场核查", 2),
      auditStep(1),
      decideStep(1),
      deliverStep(),
    ],
  },
];

export const demoData: DemoData = {
  regions,
  departments,
  halls,
  staff: staffMembers,
  applicants,
  items,
};
