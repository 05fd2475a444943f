/**
 * The Chongqing demo data set. Its catalog (regions, departments, service halls and 13 real approval
 * items) is the catalog file `demo-catalog.json` (docs/catalog-format.md), loaded by the same importer
 * as any city's; staff and applicants are here. Facts of the items (legal bases, statutory limits,
 * materials) follow `shared/data/demo-items-reference.md`; where the reference could not verify a
 * limit (✘ or ◐) the item falls back to 《行政许可法》第四十二条 (20 working days + 10), as the
 * reference advises. Promised limits, addresses, phone numbers and people are invented but plausible.
 */
import fs from "node:fs";
import { CatalogFile } from "@cq/contracts";
import type { DemoData, DemoItem, Role, SeedApplicant, SeedStaff } from "./types.ts";

/** Password of every demo account (staff and applicants). */
export const DEMO_PASSWORD = "Demo@2026";

/** The demo catalog, checked against the catalog file's schema. */
const catalog = CatalogFile.parse(JSON.parse(fs.readFileSync(new URL("./demo-catalog.json", import.meta.url), "utf8")));

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

export const demoData: DemoData = {
  catalog,
  regions: catalog.regions,
  departments: catalog.departments,
  halls: catalog.halls,
  // Every demo item has its guide.
  items: catalog.items as DemoItem[],
  staff: staffMembers,
  applicants,
};
