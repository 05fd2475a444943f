/**
 * 部门与区县界面文案：门户的部门列表（部门与区县）、部门页（联系方式、办理事项、服务数据（近一年）和每月
 * 办结图表），以及首页、办事指南和顶部导航通往部门页的链接。Registered into the default namespace by
 * `portal/departments/i18n.ts`, under `dept`. Shared texts (首页、办事服务、承诺/法定时限) come from the
 * main bundle. English below, same keys (English may add `_one` plurals).
 */
export const zhCN = {
  dept: {
    nav: "部门",
    list: {
      title: "部门与区县",
      subtitle: "按市级和区县浏览审批部门：查看部门的联系方式、可办理的事项和近一年的服务数据。",
      jump: "按区县跳转",
      jumpLabel: "按区县跳转：",
      city: "市级部门",
      count: "{{count}} 个部门",
      items: "{{count}} 项事项",
      noItems: "暂无网上事项",
      call: "拨打{{name}}电话 {{phone}}",
      empty: "暂无部门信息",
    },
    page: {
      title: "部门详情",
      breadcrumb: "当前位置",
      address: "办公地址",
      phone: "咨询电话",
      noContact: "未公布",
      items: "办理事项",
      itemsCount: "共 {{count}} 项",
      allItems: "在办事服务中查看",
      noItems: "该部门暂无可在网上办理的事项。",
      notFound: {
        title: "没有找到这个部门",
        text: "链接可能有误，或者部门已经调整。请在“部门与区县”中重新查找。",
        back: "查看全部部门",
      },
    },
    fig: {
      title: "服务数据（近一年）",
      label: "服务数据",
      closed: "办结件数",
      closedNote: "近一年办结",
      onTimeRate: "按期办结率",
      onTimeNote: "在时限内办结的比例",
      averageWorkingDays: "平均办理用时",
      averageNote: "从受理到办结",
      open: "在办件数",
      openNote: "目前正在办理",
      satisfaction: "满意度",
      evaluations: "共 {{count}} 条评价",
      noEvaluations: "暂无评价",
      noClosed: "近一年暂无办结件",
      days: "{{count}} 个工作日",
      note: "统计最近 365 天的办件（北京时间）。办理用时按工作日计算；满意度为评价“满意”或“非常满意”的比例。没有数据的项目显示“—”。",
    },
    chart: {
      title: "每月办结情况",
      closed: "办结件数",
      onTime: "其中按期办结",
      alt: "每月办结件数图（近一年）：{{list}}",
      row: "{{month}}办结 {{closed}} 件，其中按期 {{onTime}} 件",
      joiner: "；",
      table: "以表格查看每月数据",
      caption: "每月办结件数和按期办结件数（近一年）",
      month: "月份",
      rate: "按期率",
      empty: "近一年暂无办结件，暂无图表。",
      unavailable: "图表暂时无法显示，每月数据见下方表格。",
    },
    home: {
      all: "全部部门",
    },
  },
};
