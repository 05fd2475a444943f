/**
 * 送达方式文案: the applicant's choice of how to receive the result (portal case page) and the
 * choice as the window sees it (workbench case file, delivery dialog). Under `dc`; zh-CN first.
 */
export const zhCN = {
  dc: {
    title: "结果送达方式",
    intro: "请选择审批结果（决定书、证照）的送达方式。作出审批决定前可以随时更改。",
    method: "送达方式",
    methodRequired: "请选择送达方式",
    methods: { pickup: "窗口领取", mail: "邮寄送达", electronic: "电子送达" },
    hints: {
      pickup: "结果备好后我们会通知您，请本人携带身份证件到窗口领取。",
      mail: "结果通过快递寄到您填写的地址，寄出后短信告知快递单号。",
      electronic: "在本平台“我的办件”中下载电子决定书和电子证照，与纸质文书具有同等效力。",
    },
    place: "领取地点",
    hours: "办公时间",
    phone: "咨询电话",
    recipientName: "收件人",
    recipientPhone: "收件人电话",
    address: "详细地址",
    addressPlaceholder: "如：重庆市渝北区龙溪街道金山路18号3单元502",
    invalid: {
      recipientName: "请填写收件人姓名",
      phone: "请填写有效的手机号码（11 位）或带区号的固定电话",
      address: "请填写完整地址：区县、街道、门牌号",
    },
    save: "保存送达方式",
    change: "更改送达方式",
    cancel: "取消",
    saved: "送达方式已保存",
    chosenAt: "选择于 {{at}}",
    none: "您尚未选择送达方式。",
    closed: "办件已作出决定，送达方式不能再更改；如需调整请联系办理窗口。",
    readyNotice: "已于 {{at}} 通知您结果可以领取。",
    staff: {
      title: "申请人选择的送达方式",
      none: "申请人尚未选择送达方式。",
      prefilled: "申请人选择了“{{method}}”，以下已按其选择预先填写，可按实际情况修改。",
      phoneNote: "收件人电话：{{phone}}",
    },
  },
};
