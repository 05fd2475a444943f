import i18n from "../i18n/index.ts";
import { en, zhCN } from "../i18n/engagement.ts";

// The evaluation and complaint texts (评价本次服务, 我的投诉, 投诉与差评, 满意度) live in their own bundle,
// merged into the default namespace at import time (deep, never overwriting a key the main bundle has).
i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);

export default i18n;
